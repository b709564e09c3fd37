using System.CommandLine;
using AIOps.Travel.Balancing;
using AIOps.Travel.Hosting;

namespace AIOps.Travel.Cli;

/// <summary>travel serve SERVICE: runs one replica of one service until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "One of: " + string.Join(", ", ServeOptions.Services) };
        service.AcceptOnlyFromAmong([.. ServeOptions.Services]);
        var port = new Option<int?>("--port") { Description = "Port on 127.0.0.1 (default: 5000 for the gateway, a free port otherwise)" };
        var instanceId = new Option<string?>("--instance-id") { Description = "Instance id (default: generated)" };
        var listen = CommonOptions.Listen();
        var advertise = new Option<string?>("--advertise") { Description = "URL to register for callers (default: the bound address), e.g. http://$(POD_IP):8080" };
        var registry = CommonOptions.Registry();
        var otlp = CommonOptions.Otlp();
        var headers = CommonOptions.OtlpHeaders();
        var environment = CommonOptions.DeploymentEnvironment();
        var metricInterval = CommonOptions.MetricInterval();
        var parentPid = CommonOptions.ParentPid();
        var dataDir = new Option<string>("--data-dir") { Description = "Where the SQLite files live", DefaultValueFactory = _ => Path.Combine(".data", "travel") };
        var balancer = new Option<string>("--balancer") { Description = "Strategy for outgoing calls: " + string.Join(", ", BalancingStrategyNames.All), DefaultValueFactory = _ => "round-robin" };
        balancer.AcceptOnlyFromAmong([.. BalancingStrategyNames.All]);
        var weight = new Option<int>("--weight") { Description = "This replica's weight for weighted round robin (1-100)", DefaultValueFactory = _ => 1 };
        var lease = new Option<double>("--queue-lease") { Description = "Seconds a leased queue message stays hidden from other consumers", DefaultValueFactory = _ => 10 };
        var retryBase = new Option<double>("--queue-retry-base") { Description = "Seconds before the first retry of a failed message (doubles per attempt)", DefaultValueFactory = _ => 1 };
        var maxAttempts = new Option<int>("--queue-max-attempts") { Description = "Attempts before a message is dead-lettered", DefaultValueFactory = _ => 5 };
        var workers = new Option<int>("--workers") { Description = "Requests this instance works on at once (0: no limit); with --work-ms it serves at most workers/work-ms requests a second", DefaultValueFactory = _ => 0 };
        var workMs = new Option<double>("--work-ms") { Description = "Milliseconds of simulated work each request holds a worker for", DefaultValueFactory = _ => 0 };
        var queueLimit = new Option<int>("--queue-limit") { Description = "Requests that may wait for a worker; more are refused with 503", DefaultValueFactory = _ => 200 };

        var command = new Command("serve", "Run one replica of a travel service") { service, port, instanceId, listen, advertise, registry, otlp, headers, environment, metricInterval, parentPid, dataDir, balancer, weight, lease, retryBase, maxAttempts, workers, workMs, queueLimit };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetRequiredValue(service);
            if (!BalancingStrategyNames.TryParse(result.GetValue(balancer), out var strategy))
            {
                throw new ArgumentException("--balancer must be one of: " + string.Join(", ", BalancingStrategyNames.All));
            }

            var options = new ServeOptions
            {
                Service = name,
                Port = result.GetValue(port) ?? (name == "gateway" ? ServeOptions.DefaultGatewayPort : 0),
                InstanceId = result.GetValue(instanceId),
                ListenAddress = result.GetRequiredValue(listen),
                AdvertisedAddress = result.GetValue(advertise) is { } advertised ? CommonOptions.Url(advertised, "--advertise").ToString() : null,
                Registry = CommonOptions.Url(result.GetRequiredValue(registry), "--registry"),
                DataDirectory = Path.GetFullPath(result.GetRequiredValue(dataDir)),
                Balancing = strategy,
                Weight = Check(result.GetValue(weight), 1, 100, "--weight"),
                Telemetry = CommonOptions.Telemetry(result.GetRequiredValue(otlp), result.GetValue(headers), result.GetRequiredValue(environment), result.GetValue(metricInterval)),
                QueueLease = TimeSpan.FromSeconds(Check(result.GetValue(lease), 0.1, 3600, "--queue-lease")),
                QueueRetryBase = TimeSpan.FromSeconds(Check(result.GetValue(retryBase), 0.01, 600, "--queue-retry-base")),
                QueueMaxAttempts = Check(result.GetValue(maxAttempts), 1, 100, "--queue-max-attempts"),
                ParentPid = result.GetValue(parentPid),
                Workers = Check(result.GetValue(workers), 0, 10_000, "--workers"),
                WorkTime = TimeSpan.FromMilliseconds(Check(result.GetValue(workMs), 0, 60_000, "--work-ms")),
                QueueLimit = Check(result.GetValue(queueLimit), 0, 100_000, "--queue-limit"),
            };
            await using var app = TravelServiceHost.Build(options);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    internal static T Check<T>(T value, T min, T max, string name)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0
            ? throw new ArgumentException($"{name} must be between {min} and {max}")
            : value;
}
