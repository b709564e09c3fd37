using AIOps.Dashboard.Hosting;

namespace AIOps.Dashboard.Api;

/// <summary>GET /healthz: liveness for probes and for the demo's own start-up check.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (HostStatus status) => TypedResults.Ok(new
        {
            status = "ok",
            version = status.Version,
            startedAt = status.StartedAt,
            uptimeSeconds = Math.Round(status.Uptime.TotalSeconds),
            demo = status.DemoPhase,
        }));
        return app;
    }
}
