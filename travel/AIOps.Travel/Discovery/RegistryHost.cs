using AIOps.Travel.Hosting;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Discovery;

/// <summary>The service registry process: where replicas register and callers watch.</summary>
internal static class RegistryHost
{
    public static WebApplication Build(string listenAddress, int port, TelemetryOptions telemetry, int? parentPid, TimeProvider? time = null)
    {
        var identity = new InstanceIdentity("registry", InstanceIdentity.NewInstanceId("registry"), ThisAssembly.Version, 1);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{listenAddress}:{port}");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(3));
        builder.Logging.ClearProviders().AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        TelemetrySetup.AddLogging(builder.Logging, identity, telemetry);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<InstanceTable>();
        // Heartbeats and watches are infrastructure, not user traffic: metrics and logs only, no spans.
        builder.Services.AddSingleton(_ => TelemetrySetup.Start(identity, telemetry, traceFramework: false));
        builder.Services.AddHostedService<RegistryEvictionWorker>();
        builder.Services.AddProblemDetails();
        if (parentPid is { } parent)
        {
            builder.Services.AddHostedService(sp => new ParentProcessWatcher(parent, sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ParentProcessWatcher>>()));
        }

        var app = builder.Build();
        app.Services.GetRequiredService<TelemetryProviders>();
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok", service = "registry" }));
        app.MapPrometheusMetrics();
        app.MapRegistryApi();
        return app;
    }
}
