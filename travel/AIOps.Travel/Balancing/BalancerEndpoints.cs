using Microsoft.AspNetCore.Http.HttpResults;

namespace AIOps.Travel.Balancing;

/// <summary>Admin API of the caller-side balancer: the strategy in use and per-replica counters.</summary>
internal static class BalancerEndpoints
{
    public static IEndpointRouteBuilder MapBalancerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/balancer", (LoadBalancer balancer) => TypedResults.Ok(new BalancerSetting(BalancingStrategyNames.ToName(balancer.Strategy))));
        app.MapPut("/admin/balancer", Results<Ok<BalancerSetting>, ProblemHttpResult> (BalancerSetting setting, LoadBalancer balancer) =>
        {
            if (!BalancingStrategyNames.TryParse(setting.Strategy, out var kind))
            {
                return TypedResults.Problem($"strategy must be one of: {string.Join(", ", BalancingStrategyNames.All)}", statusCode: StatusCodes.Status400BadRequest);
            }

            balancer.SetStrategy(kind);
            return TypedResults.Ok(setting);
        });
        app.MapGet("/admin/upstreams/{service}", (string service, LoadBalancer balancer) =>
            TypedResults.Ok(balancer.States(service).Select(s => new UpstreamStats(s.Instance.InstanceId, s.Instance.Address, s.Instance.Weight, s.Served, s.InFlight, s.EwmaLatencyMs))));
        return app;
    }
}
