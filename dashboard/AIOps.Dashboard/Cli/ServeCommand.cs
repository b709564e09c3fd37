using System.CommandLine;
using AIOps.Dashboard.Hosting;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops serve: the AIOps host alone, for a platform that runs elsewhere.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = HostCommandOptions.Urls();
        var config = HostCommandOptions.Config();
        var dataDir = HostCommandOptions.DataDir();
        var registry = HostCommandOptions.Registry();
        var otlpHttp = HostCommandOptions.OtlpHttpPort();
        var otlpGrpc = HostCommandOptions.OtlpGrpcPort();
        var command = new Command("serve", "Run the AIOps host (UI, API and the OTLP and Prometheus receivers)") { urls, config, dataDir, registry, otlpHttp, otlpGrpc };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new AiopsHostOptions
            {
                Urls = result.GetRequiredValue(urls),
                ConfigFile = result.GetValue(config),
                DataDirectory = Path.GetFullPath(result.GetRequiredValue(dataDir)),
                Registry = new Uri(result.GetRequiredValue(registry)),
                OtlpHttpUrl = result.GetValue(otlpHttp) is > 0 and var httpPort ? $"http://127.0.0.1:{httpPort}" : null,
                OtlpGrpcPort = result.GetValue(otlpGrpc) is > 0 and var grpcPort ? grpcPort : null,
            };
            await using var app = AiopsHost.Build(options);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
