using System.CommandLine;
using AIOps.Travel.Discovery;
using AIOps.Travel.Hosting;

namespace AIOps.Travel.Cli;

/// <summary>travel registry: runs the service registry.</summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => ServeOptions.DefaultRegistryPort };
        var otlp = CommonOptions.Otlp();
        var headers = CommonOptions.OtlpHeaders();
        var environment = CommonOptions.DeploymentEnvironment();
        var metricInterval = CommonOptions.MetricInterval();
        var parentPid = CommonOptions.ParentPid();
        var listen = CommonOptions.Listen();
        var command = new Command("registry", "Run the service registry (replicas register here; callers watch it)") { port, listen, otlp, headers, environment, metricInterval, parentPid };
        command.SetAction(async (result, cancellationToken) =>
        {
            var telemetry = CommonOptions.Telemetry(result.GetRequiredValue(otlp), result.GetValue(headers), result.GetRequiredValue(environment), result.GetValue(metricInterval));
            await using var app = RegistryHost.Build(result.GetRequiredValue(listen), result.GetValue(port), telemetry, result.GetValue(parentPid));
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
