using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AIOps.Dashboard.Hosting;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Demo;

/// <summary>
/// Brings the one-machine demo up in order: the registry, every travel service (each replica its own
/// process), then the load generator; and takes it all down when the host stops. Children also get
/// the host's pid, so they exit on their own if the host is killed outright.
/// </summary>
public sealed class DemoOrchestrator(
    DemoOptions options,
    AiopsHostOptions hostOptions,
    LocalProcessSupervisor supervisor,
    HostStatus status,
    IHttpClientFactory httpFactory,
    IHostApplicationLifetime lifetime,
    ILogger<DemoOrchestrator> logger) : BackgroundService
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Completes when the platform is up (true) or failed to come up (false).</summary>
    public Task<bool> Ready => _ready.Task;

    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        status.DemoPhase = "stopping";
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await supervisor.StopAllAsync(LocalProcessSupervisor.DefaultGrace).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        status.DemoPhase = "starting";
        try
        {
            await StartPlatformAsync(stoppingToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            status.DemoPhase = "running";
            status.DemoDetail = string.Create(CultureInfo.InvariantCulture, $"up in {elapsed:F1} s");
            status.Links = Links();
            PrintBanner(elapsed);
            _ready.TrySetResult(true);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            status.DemoPhase = "failed";
            status.DemoDetail = ex.Message;
            DemoLog.Failed(logger, ex.Message);
            _ready.TrySetResult(false);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException)
        {
            _ready.TrySetResult(false);
        }
    }

    private async Task StartPlatformAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(options.TravelDll))
        {
            throw new InvalidOperationException($"travel executable not found at {options.TravelDll}: build the solution first (./aiops builds it)");
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(options.StartTimeout.TotalSeconds * Stopwatch.Frequency);
        var registry = new Uri($"http://127.0.0.1:{options.RegistryPort.ToString(CultureInfo.InvariantCulture)}/");
        Start("registry", "registry", ["registry", "--port", options.RegistryPort.ToString(CultureInfo.InvariantCulture), "--otlp", options.Otlp]);
        await WaitForAsync(() => IsHealthyAsync(new Uri(registry, "healthz"), cancellationToken), deadline, "the registry to answer", cancellationToken).ConfigureAwait(false);
        DemoLog.Progress(logger, "registry up; starting the travel services");

        foreach (var service in DemoOptions.Services)
        {
            for (var replica = 1; replica <= options.ReplicasOf(service); replica++)
            {
                supervisor.Start(ReplicaSpec(service, replica));
            }
        }

        await WaitForAsync(() => AllRegisteredAsync(registry, cancellationToken), deadline, "every service to register", cancellationToken).ConfigureAwait(false);
        await WaitForAsync(() => IsHealthyAsync(new Uri($"http://127.0.0.1:{options.GatewayPort.ToString(CultureInfo.InvariantCulture)}/api/catalog"), cancellationToken), deadline, "the gateway to serve", cancellationToken).ConfigureAwait(false);
        if (options.Qps > 0)
        {
            List<string> load =
            [
                "load", "--target", $"http://127.0.0.1:{options.GatewayPort.ToString(CultureInfo.InvariantCulture)}/", "--qps", options.Qps.ToString(CultureInfo.InvariantCulture),
                "--day-minutes", options.DayMinutes.ToString(CultureInfo.InvariantCulture), "--report-interval", "30",
                "--flash-sales-per-day", options.FlashSalesPerDay.ToString(CultureInfo.InvariantCulture),
            ];
            if (options.StartHour is { } startHour)
            {
                load.AddRange(["--start-hour", startHour.ToString(CultureInfo.InvariantCulture)]);
            }

            foreach (var at in options.FlashSalesAt)
            {
                load.AddRange(["--flash-sale-at", at.ToString(CultureInfo.InvariantCulture)]);
            }

            Start("load", "load", load);
        }
    }

    /// <summary>How replica <paramref name="replica"/> of a travel service is started: at start, and when remediation scales out.</summary>
    public ProcessSpec ReplicaSpec(string service, int replica)
    {
        var registry = $"http://127.0.0.1:{options.RegistryPort.ToString(CultureInfo.InvariantCulture)}/";
        var name = $"{service}-{replica.ToString(CultureInfo.InvariantCulture)}";
        List<string> arguments =
        [
            "serve", service, "--registry", registry, "--otlp", options.Otlp, "--data-dir", Path.Combine(options.DataDirectory, "travel"),
            "--balancer", options.Balancer, "--instance-id", name,
        ];
        if (service == "gateway")
        {
            arguments.AddRange(["--port", options.GatewayPort.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.Capacity.TryGetValue(service, out var capacity))
        {
            arguments.AddRange(["--workers", capacity.Workers.ToString(CultureInfo.InvariantCulture), "--work-ms", capacity.WorkMs.ToString(CultureInfo.InvariantCulture)]);
        }

        return Spec(name, service, arguments);
    }

    private void Start(string name, string group, List<string> arguments) => supervisor.Start(Spec(name, group, arguments));

    private ProcessSpec Spec(string name, string group, List<string> arguments)
    {
        arguments.Insert(0, options.TravelDll);
        arguments.AddRange(["--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath ?? "dotnet";
        return new ProcessSpec(name, group, dotnet, arguments, Path.Combine(options.DataDirectory, "logs", name + ".log"));
    }

    private async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpFactory.CreateClient().GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<bool> AllRegisteredAsync(Uri registry, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await httpFactory.CreateClient().GetStringAsync(new Uri(registry, "v1/instances/"), cancellationToken).ConfigureAwait(false));
            return DemoOptions.Services.All(s =>
                json.RootElement.TryGetProperty(s, out var snapshot) && snapshot.GetProperty("instances").GetArrayLength() >= options.ReplicasOf(s));
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, long deadline, string what, CancellationToken cancellationToken)
    {
        while (!await condition().ConfigureAwait(false))
        {
            var exited = supervisor.List().FirstOrDefault(p => p.State == ProcessState.Exited);
            if (exited is not null)
            {
                throw new InvalidOperationException($"{exited.Name} exited with code {exited.ExitCode} while waiting for {what}; see {exited.LogPath}");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"timed out after {options.StartTimeout.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private Dictionary<string, string> Links() => new(StringComparer.Ordinal)
    {
        ["AIOps"] = hostOptions.Urls.Split(';')[0],
        ["Travel gateway"] = $"http://127.0.0.1:{options.GatewayPort.ToString(CultureInfo.InvariantCulture)}/api/hotels?city=Paris",
        ["Service registry"] = $"http://127.0.0.1:{options.RegistryPort.ToString(CultureInfo.InvariantCulture)}/v1/instances/",
        ["Logs"] = Path.Combine(options.DataDirectory, "logs"),
    };

    private void PrintBanner(double seconds)
    {
        var lines = new List<string> { string.Empty, string.Create(CultureInfo.InvariantCulture, $"AIOps demo is up ({seconds:F1} s):") };
        lines.AddRange(Links().Select(l => $"  {l.Key,-17} {l.Value}"));
        lines.Add(options.Qps > 0
            ? string.Create(CultureInfo.InvariantCulture, $"  Load generator    {options.Qps} req/s mean, a simulated day every {options.DayMinutes} min (log: {Path.Combine(options.DataDirectory, "logs", "load.log")})")
            : "  Load generator    off (--qps 0)");
        lines.Add(options.Capacity.Count > 0
            ? "  Capacity          " + string.Join(", ", options.Capacity.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value.RequestsPerSecond:0} req/s a replica ({c.Value.Workers} workers x {c.Value.WorkMs} ms)")))
            : "  Capacity          no limit (--capacity none)");
        lines.Add(options.PolicyFile is { } policies ? "  Remediation       on, policies from " + policies : "  Remediation       off (--remediation off)");
        lines.Add("  Inject a fault    dotnet " + options.TravelDll + " chaos inject hotel --kind latency --intensity 300 --duration 120 --all");
        var initialPassword = Path.Combine(hostOptions.DataDirectory, Security.UserDirectory.InitialPasswordFile);
        lines.Add("  Sign in           " + (File.Exists(initialPassword)
            ? $"as {Security.UserDirectory.FirstAdminName}, password in {initialPassword}"
            : "as a user of the Dashboard:Users settings"));
        lines.Add("  See it            " + Links()["AIOps"] + "/incidents  (within a minute, once the detectors have watched 5 minutes of traffic)");
        lines.Add("Press Ctrl-C to stop everything.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
