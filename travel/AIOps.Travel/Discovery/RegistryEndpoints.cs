using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIOps.Travel.Discovery;

/// <summary>The service registry's HTTP API, with Consul-style blocking queries (?index=&amp;wait=).</summary>
internal static class RegistryEndpoints
{
    private static readonly TimeSpan s_maxWait = TimeSpan.FromSeconds(60);

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/instances");
        api.MapPut("/{service}/{instanceId}", Register);
        api.MapDelete("/{service}/{instanceId}", Deregister);
        api.MapGet("/{service}", GetAsync);
        api.MapGet("/", (InstanceTable table) => TypedResults.Ok(table.SnapshotAll()));
        return app;
    }

    private static Results<Ok<RegistrySnapshot>, ProblemHttpResult> Register(
        string service, string instanceId, RegistrationRequest request, InstanceTable table, TimeProvider time, ILogger<InstanceTable> logger)
    {
        if (!Uri.TryCreate(request.Address, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return TypedResults.Problem("address must be an absolute http(s) URL", statusCode: StatusCodes.Status400BadRequest);
        }

        var weight = request.Weight ?? 1;
        if (weight is < 1 or > 100)
        {
            return TypedResults.Problem("weight must be between 1 and 100", statusCode: StatusCodes.Status400BadRequest);
        }

        var instance = new ServiceInstance(service, instanceId, request.Address.TrimEnd('/'), request.Version ?? "unknown", weight, request.Pid ?? 0);
        if (table.Upsert(instance, time.GetUtcNow()))
        {
            RegistryLog.Registered(logger, service, instanceId, instance.Address);
        }

        return TypedResults.Ok(table.Snapshot(service));
    }

    private static Results<NoContent, NotFound> Deregister(string service, string instanceId, InstanceTable table, ILogger<InstanceTable> logger)
    {
        if (!table.Remove(service, instanceId))
        {
            return TypedResults.NotFound();
        }

        RegistryLog.Deregistered(logger, service, instanceId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RegistrySnapshot>, ProblemHttpResult>> GetAsync(
        string service, long? index, string? wait, InstanceTable table, HttpResponse response, CancellationToken cancellationToken)
    {
        if (index is { } known)
        {
            var timeout = TimeSpan.FromSeconds(30);
            if (wait is not null)
            {
                if (!double.TryParse(wait.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
                {
                    return TypedResults.Problem("wait must be a number of seconds, e.g. 30s", statusCode: StatusCodes.Status400BadRequest);
                }

                timeout = TimeSpan.FromSeconds(Math.Min(seconds, s_maxWait.TotalSeconds));
            }

            await table.WaitForChangeAsync(known, timeout, cancellationToken).ConfigureAwait(false);
        }

        var snapshot = table.Snapshot(service);
        response.Headers["X-Registry-Index"] = snapshot.Index.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(snapshot);
    }
}
