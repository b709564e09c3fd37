using System.Globalization;
using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Incidents;
using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Model;
using AIOps.Dashboard.Platform;
using AIOps.Dashboard.Security;
using AIOps.Remediator;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers.Process;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class SystemPageTests : IAsyncLifetime
{
    private const string RegistryJson = """
        {"hotel":{"index":3,"instances":[
          {"service":"hotel","instanceId":"hotel-1","address":"http://127.0.0.1:41000","version":"1.0.0","weight":1,"pid":123},
          {"service":"hotel","instanceId":"hotel-2","address":"http://127.0.0.1:41001","version":"1.0.0","weight":1,"pid":124}]},
         "flight":{"index":1,"instances":[
          {"service":"flight","instanceId":"flight-1","address":"http://127.0.0.1:42000","version":"1.0.0","weight":1,"pid":125}]}}
        """;

    private readonly SeededTelemetry _telemetry = new();
    private readonly LocalProcessSupervisor _supervisor = new(TimeProvider.System, NullLogger<LocalProcessSupervisor>.Instance);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ManualTimeProvider _samplerTime = new();
    private readonly IncidentStore _incidents;
    private readonly ActionLog _actions;
    private readonly IngestRateSampler _sampler;
    private WebApplication _registry = null!;

    public SystemPageTests()
    {
        _incidents = new IncidentStore(Path.Combine(_telemetry.Directory, "incidents.db"));
        _actions = new ActionLog(Path.Combine(_telemetry.Directory, "actions.jsonl"));
        _sampler = new IngestRateSampler(_telemetry.Metrics, _samplerTime);
    }

    public async Task InitializeAsync()
    {
        _registry = await LoopbackApp.StartAsync(app => app.MapGet("/v1/instances/", () => Results.Text(RegistryJson, "application/json")));
    }

    public async Task DisposeAsync()
    {
        await _supervisor.DisposeAsync();
        _http.Dispose();
        await _registry.StopAsync();
        await _registry.DisposeAsync();
        _incidents.Dispose();
        _actions.Dispose();
        _telemetry.Dispose();
    }

    [Fact]
    public async Task Render_DemoRunningWithRegistryAndProcess_ShowsAll()
    {
        var process = _supervisor.Start(new ProcessSpec("hotel-1", "hotel", "/bin/sleep", ["30"], Path.Combine(_telemetry.Directory, "hotel-1.log")));
        var status = new HostStatus(TimeProvider.System)
        {
            DemoPhase = "running",
            DemoDetail = "8 services",
            Links = new Dictionary<string, string> { ["gateway"] = "http://127.0.0.1:5000" },
        };

        var html = await RenderAsync(status, RegistryAddress);

        html.Should().Contain("<span class=\"badge ok\">demo running</span>")
            .And.Contain("8 services")
            .And.Contain($"version {status.Version}")
            .And.Contain("<span>gateway</span>")
            .And.Contain("<a href=\"http://127.0.0.1:5000\">http://127.0.0.1:5000</a>")
            .And.Contain("<td>hotel</td>")
            .And.Contain("<td class=\"num\">2</td>")
            .And.Contain("http://127.0.0.1:41000, http://127.0.0.1:41001")
            .And.Contain("<td>flight</td>")
            .And.Contain("http://127.0.0.1:42000")
            .And.Contain("<td>hotel-1</td>")
            .And.Contain("<span class=\"badge ok\">running</span>")
            .And.Contain($"<td class=\"num\">{process.Pid.ToString(CultureInfo.InvariantCulture)}</td>")
            .And.NotContain("Registry not reachable")
            .And.NotContain("supervises no process");
    }

    [Fact]
    public async Task Render_NoDemoNoRegistryNoProcess_ShowsEmptyStates()
    {
        var html = await RenderAsync(new HostStatus(TimeProvider.System), new Uri("http://127.0.0.1:1/"));

        html.Should().Contain("<h1>System</h1>")
            .And.Contain("Registry not reachable")
            .And.Contain("supervises no process")
            .And.Contain("The rate chart appears after three readings")
            .And.NotContain(">demo ")
            .And.NotContain("<h2>Endpoints</h2>");
    }

    [Fact]
    public async Task Render_DemoStarting_ShowsWarnBadge()
    {
        var html = await RenderAsync(new HostStatus(TimeProvider.System) { DemoPhase = "starting" }, RegistryAddress);

        html.Should().Contain("<span class=\"badge warn\">demo starting</span>");
    }

    [Fact]
    public async Task Render_Ingest_ShowsStoreSizesCountsRatesAndRefusals()
    {
        _sampler.Sample();
        await _telemetry.AddAsync(Requests(1, 40));
        await _telemetry.AddAsync(_telemetry.Log("hotel", _telemetry.Now.AddSeconds(-1), 9, "ok"));
        _telemetry.Metrics.Rejected(Signal.Logs, 3);
        _telemetry.Metrics.RequestRejected(Signal.Traces, 413);
        _telemetry.Metrics.RequestRejected(Signal.Traces, 413);
        _samplerTime.Advance(IngestRateSampler.Interval);
        _sampler.Sample();
        _samplerTime.Advance(IngestRateSampler.Interval);
        await _telemetry.AddAsync(Requests(41, 20));
        _sampler.Sample();

        var html = await RenderAsync(new HostStatus(TimeProvider.System), RegistryAddress);

        // The size itself moves while the writer settles aggregate windows: it is some KiB, not nothing.
        Row(html, "store", "spans").Should().MatchRegex(@"<td class=""num"">[0-9.]+ (KiB|MiB)</td>").And.Contain("<td class=\"num\">10 GiB</td>").And.Contain("7 d");
        Row(html, "ingest", "spans").Should().Contain("<td class=\"num\">60</td>")
            .And.Contain("<td class=\"num\">2</td>", "20 spans in the last 10 seconds")
            .And.Contain("413 × 2");
        Row(html, "ingest", "log records").Should().Contain("<span class=\"warn\">3</span>", "3 log records were rejected");
        html.Should().Contain("Items accepted per second");
    }

    [Fact]
    public async Task Render_KillSwitchOnAndAnalysisNotRun_ShowsBoth()
    {
        var html = await RenderAsync(new HostStatus(TimeProvider.System), RegistryAddress, new RemediationOptions { Enabled = true, Driver = "kubernetes" }, killSwitch: true);

        html.Should().Contain("<span class=\"badge bad\">kill switch on</span>")
            .And.Contain("<dd>kubernetes</dd>")
            .And.Contain("<span class=\"badge warn\">not run yet</span>");
    }

    [Fact]
    public async Task Render_RemediationOff_SaysSo()
    {
        var html = await RenderAsync(new HostStatus(TimeProvider.System), RegistryAddress);

        html.Should().Contain("<span class=\"badge warn\">off</span> <span class=\"muted\">(Remediation:Enabled)</span>").And.NotContain("kill switch on");
    }

    private Uri RegistryAddress => new(_registry.Urls.Single() + "/");

    // Hotel requests of 5 ms, one a second, from `first` seconds ago backwards.
    private SpanData[] Requests(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => _telemetry.Span(new TraceId(1, (ulong)i), (ulong)i, 0, "hotel", "GET /hotels", _telemetry.Now.AddSeconds(-i), 5))];

    private static string Row(string html, string table, string signal)
    {
        var start = html.IndexOf($"<tr data-signal=\"{signal}\"><td>{signal}</td>", html.IndexOf($"<table class=\"{table}\">", StringComparison.Ordinal), StringComparison.Ordinal);
        start.Should().BePositive($"the {table} table has a row for {signal}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task<string> RenderAsync(HostStatus status, Uri registry, RemediationOptions? remediation = null, bool killSwitch = false)
    {
        remediation ??= new RemediationOptions();
        var analysis = new AnalysisOptions { DataDirectory = _telemetry.Directory };
        var policies = new PolicySource(remediation);
        using var driver = new LocalProcessDriver(_supervisor, (service, _) => throw new InvalidOperationException($"no replica of {service} in this test"));
        using var engine = new RemediationEngine(() => policies.Current, driver, _actions, TimeProvider.System, NullLogger<RemediationEngine>.Instance) { KillSwitch = killSwitch };
        var queries = new TelemetryQueries(_telemetry.Store, TimeProvider.System);
        return await ComponentRenderer.RenderAsync<SystemPage>(
            ComponentRenderer.Request(_telemetry.Now, DashboardRoles.Viewer, "/system"),
            services =>
            {
                _telemetry.Register(services);
                services.AddSingleton(status)
                    .AddSingleton(_sampler)
                    .AddSingleton(analysis)
                    .AddSingleton(new AnalysisEngine(_telemetry.Store, new IndicatorReader(_telemetry.Store, queries, analysis), _incidents, analysis, TimeProvider.System, NullLogger<AnalysisEngine>.Instance))
                    .AddSingleton(engine)
                    .AddSingleton(remediation)
                    .AddSingleton(policies)
                    .AddSingleton(_supervisor)
                    .AddSingleton(new RegistryReader(_http, new AiopsHostOptions { DataDirectory = _telemetry.Directory, Registry = registry }));
            });
    }
}
