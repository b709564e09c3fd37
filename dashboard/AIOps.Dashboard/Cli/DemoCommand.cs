using System.CommandLine;
using System.Globalization;
using AIOps.Dashboard.Demo;
using AIOps.Dashboard.Hosting;
using AIOps.Remediator;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops demo: the host plus the travel platform and its load, all on this machine.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var urls = HostCommandOptions.Urls();
        var config = HostCommandOptions.Config();
        var dataDir = HostCommandOptions.DataDir();
        var travel = new Option<string?>("--travel") { Description = "Path of travel.dll (default: $AIOPS_TRAVEL_DLL, else the build output next to this checkout)" };
        var qps = new Option<double>("--qps") { Description = "Mean load in requests per second (0: no load generator)", DefaultValueFactory = _ => 40 };
        var dayMinutes = new Option<double>("--day-minutes") { Description = "Real minutes per simulated day of traffic", DefaultValueFactory = _ => 60 };
        var startHour = new Option<double?>("--start-hour") { Description = "Simulated start of the traffic in hours since Monday 00:00 (default: the current time of week)" };
        var flashSales = new Option<double>("--flash-sales-per-day") { Description = "Flash sales (traffic x3 for half a simulated hour) per simulated day", DefaultValueFactory = _ => 1 };
        var replicas = new Option<string>("--replicas") { Description = "Replicas per service, e.g. hotel=2,order=2", DefaultValueFactory = _ => "hotel=2,flight=2" };
        var capacity = new Option<string>("--capacity") { Description = "What one replica serves, service=WORKERSxMS (e.g. hotel=12x50: 12 requests at once, 50 ms of work each, 240 req/s); 'none' for no limit", DefaultValueFactory = _ => "hotel=12x50,flight=12x50" };
        var flashAt = new Option<double[]>("--flash-sale-at") { Description = "A flash sale this many real seconds after the load starts (repeatable)", AllowMultipleArgumentsPerToken = true };
        var remediation = new Option<string?>("--remediation") { Description = "The remediation policy file the host heals the platform with (default: deploy/remediation/policies.yaml of this checkout); 'off' for none" };
        var alertmanager = new Option<string?>("--alertmanager") { Description = "Alertmanager's URL (e.g. http://127.0.0.1:9093/): incidents are sent there, silences held there while actions run" };
        var webhookToken = new Option<string?>("--webhook-token") { Description = "The bearer token Alertmanager's webhook sends to /api/v1/alertmanager/webhook (16 characters or more)" };
        var balancer = new Option<string>("--balancer") { Description = "Balancing strategy of the services' outgoing calls", DefaultValueFactory = _ => "least-response-time" };
        var otlp = new Option<string?>("--otlp") { Description = "Where the services send telemetry (default: this host's OTLP/HTTP port; 'none' for no telemetry)" };
        var otlpHttp = HostCommandOptions.OtlpHttpPort();
        var otlpGrpc = HostCommandOptions.OtlpGrpcPort();
        var gatewayPort = new Option<int>("--gateway-port") { Description = "The travel gateway's port", DefaultValueFactory = _ => 5000 };
        var registryPort = new Option<int>("--registry-port") { Description = "The service registry's port", DefaultValueFactory = _ => 5010 };
        var parentPid = new Option<int?>("--parent-pid") { Description = "Stop when this process is gone (for programs that drive the demo: killed outright, they leave nothing running)" };
        var command = new Command("demo", "Run the AIOps host with the travel platform and its load generator on this machine")
        {
            urls, config, dataDir, travel, qps, dayMinutes, startHour, flashSales, flashAt, replicas, capacity, remediation, alertmanager, webhookToken, balancer, otlp, gatewayPort, registryPort, otlpHttp, otlpGrpc, parentPid,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataDirectory = Path.GetFullPath(result.GetRequiredValue(dataDir));
            var travelDll = result.GetValue(travel) ?? Environment.GetEnvironmentVariable("AIOPS_TRAVEL_DLL") ?? TravelLocator.Find();
            if (travelDll is null)
            {
                await Console.Error.WriteLineAsync("error: travel.dll not found; build the solution (./aiops does) or pass --travel").ConfigureAwait(false);
                return 2;
            }

            DemoOptions demo;
            try
            {
                demo = new DemoOptions
                {
                    TravelDll = Path.GetFullPath(travelDll),
                DataDirectory = Path.Combine(dataDirectory, "demo"),
                    Qps = Validate(result.GetValue(qps), 0, 5000, "--qps"),
                    DayMinutes = Validate(result.GetValue(dayMinutes), 0.1, 10080, "--day-minutes"),
                    StartHour = result.GetValue(startHour) is { } hour ? Validate(hour, 0, 24 * 7, "--start-hour") : null,
                    FlashSalesPerDay = Validate(result.GetValue(flashSales), 0, 24, "--flash-sales-per-day"),
                    Replicas = DemoOptions.ParseReplicas(result.GetValue(replicas)),
                    Capacity = ServiceCapacity.ParseAll(result.GetValue(capacity)),
                    FlashSalesAt = [.. (result.GetValue(flashAt) ?? []).Select(s => Validate(s, 0, 7 * 24 * 3600, "--flash-sale-at"))],
                    PolicyFile = PolicyFile(result.GetValue(remediation)),
                    Alertmanager = result.GetValue(alertmanager) is { } am ? Url(am, "--alertmanager") : null,
                    WebhookToken = result.GetValue(webhookToken),
                    Balancer = result.GetRequiredValue(balancer),
                    Otlp = result.GetValue(otlp) ?? $"http://127.0.0.1:{result.GetValue(otlpHttp)}",
                    GatewayPort = (int)Validate(result.GetValue(gatewayPort), 1, 65535, "--gateway-port"),
                    RegistryPort = (int)Validate(result.GetValue(registryPort), 1, 65535, "--registry-port"),
                };
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            var host = new AiopsHostOptions
            {
                Urls = result.GetRequiredValue(urls),
                ConfigFile = result.GetValue(config),
                DataDirectory = dataDirectory,
                Registry = new Uri($"http://127.0.0.1:{demo.RegistryPort.ToString(CultureInfo.InvariantCulture)}/"),
                OtlpHttpUrl = result.GetValue(otlpHttp) is > 0 and var httpPort ? $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}" : null,
                OtlpGrpcPort = result.GetValue(otlpGrpc) is > 0 and var grpcPort ? grpcPort : null,
                TrafficSeason = TimeSpan.FromMinutes(demo.DayMinutes),
            };
            await using var app = AiopsHost.Build(host, services =>
            {
                services.AddSingleton(demo);
                services.AddHttpClient();
                services.AddSingleton<DemoOrchestrator>();
                services.AddHostedService(sp => sp.GetRequiredService<DemoOrchestrator>());
                // The gateway listens on its fixed port: the demo runs one, whatever a policy would like.
                services.AddSingleton<IRemediationDriver>(sp => new LocalProcessDriver(sp.GetRequiredService<LocalProcessSupervisor>(), sp.GetRequiredService<DemoOrchestrator>().ReplicaSpec)
                {
                    MaxReplicas = new Dictionary<string, int>(StringComparer.Ordinal) { ["gateway"] = 1 },
                });
                if (demo.PolicyFile is { } policies)
                {
                    services.Configure<RemediationOptions>(r =>
                    {
                        r.Enabled = true;
                        r.PolicyFile = policies;
                        r.DashboardUrl = new Uri(host.Urls.Split(';')[0].TrimEnd('/') + "/");
                        r.AlertmanagerUrl = demo.Alertmanager ?? r.AlertmanagerUrl;
                        r.WebhookToken = demo.WebhookToken ?? r.WebhookToken;
                        if (demo.Alertmanager is not null)
                        {
                            // The demo shows the loop in seconds: incidents reach Alertmanager within 15 s of their ranking.
                            r.AlertResend = TimeSpan.FromSeconds(15);
                        }
                    });
                }
            });
            var orchestrator = app.Services.GetRequiredService<DemoOrchestrator>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watch = result.GetValue(parentPid) is { } parent ? ParentProcess.CancelWhenGoneAsync(parent, stop) : Task.CompletedTask;
            await app.RunAsync(stop.Token).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
            return orchestrator.Ready is { IsCompletedSuccessfully: true, Result: true } ? 0 : 1;
        });
        return command;
    }

    // The policy file named, none for "off", else the shipped one of the checkout this host was built from.
    private static string? PolicyFile(string? option) => option switch
    {
        "off" => null,
        { } path when File.Exists(path) => Path.GetFullPath(path),
        { } path => throw new ArgumentException($"--remediation: no policy file at {path}"),
        null => TravelLocator.ShippedPolicies(),
    };

    private static Uri Url(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new Uri(url.ToString().TrimEnd('/') + "/")
            : throw new ArgumentException($"{option} must be an http(s) URL, not '{text}'");

    private static double Validate(double value, double min, double max, string name) =>
        value < min || value > max ? throw new ArgumentException($"{name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}") : value;
}
