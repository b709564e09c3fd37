using AIOps.Dashboard.Platform;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Api;

/// <summary>The observed platform as the host sees it: supervised processes and registered instances.</summary>
public static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/platform");
        api.MapGet("/processes", (LocalProcessSupervisor supervisor) => TypedResults.Ok(supervisor.List()));
        api.MapGet("/instances", async (RegistryReader registry, CancellationToken cancellationToken) =>
            TypedResults.Ok(await registry.ReadAsync(cancellationToken).ConfigureAwait(false)));
        return app;
    }
}
