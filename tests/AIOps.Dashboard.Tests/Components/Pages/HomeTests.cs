using AIOps.Collector;
using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;
using AIOps.Testing;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Hosting;
using AIOps.Dashboard.Platform;
using AIOps.Remediator.Drivers.Process;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class HomeTests : IAsyncLifetime
{
    private const string RegistryJson = """
        {"hotel":{"index":3,"instances":[
          {"service":"hotel","instanceId":"hotel-1","address":"http://127.0.0.1:41000","version":"1.0.0","weight":1,"pid":123},
          {"service":"hotel","instanceId":"hotel-2","address":"http://127.0.0.1:41001","version":"1.0.0","weight":1,"pid":124}]},
         "flight":{"index":1,"instances":[
          {"service":"flight","instanceId":"flight-1","address":"http://127.0.0.1:42000","version":"1.0.0","weight":1,"pid":125}]}}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-home-").FullName;
    private readonly LocalProcessSupervisor _supervisor = new(TimeProvider.System, NullLogger<LocalProcessSupervisor>.Instance);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication _registry = null!;

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
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Render_DemoRunningWithRegistryAndProcess_ShowsAll()
    {
        var process = _supervisor.Start(new ProcessSpec("hotel-1", "hotel", "/bin/sleep", ["30"], Path.Combine(_directory, "hotel-1.log")));
        var status = new HostStatus(TimeProvider.System)
        {
            DemoPhase = "running",
            DemoDetail = "8 services",
            Links = new Dictionary<string, string> { ["gateway"] = "http://127.0.0.1:5000" },
        };

        var html = await RenderAsync(status, new Uri(_registry.Urls.Single() + "/"));

        html.Should().Contain("<span class=\"badge ok\">demo running</span>")
            .And.Contain("8 services")
            .And.Contain("<span>gateway</span>")
            .And.Contain("<a href=\"http://127.0.0.1:5000\">http://127.0.0.1:5000</a>")
            .And.Contain("<td>hotel</td>")
            .And.Contain("<td class=\"num\">2</td>")
            .And.Contain("http://127.0.0.1:41000, http://127.0.0.1:41001")
            .And.Contain("<td>flight</td>")
            .And.Contain("http://127.0.0.1:42000")
            .And.Contain("<td>hotel-1</td>")
            .And.Contain("<span class=\"badge ok\">running</span>")
            .And.Contain($"<td class=\"num\">{process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}</td>")
            .And.NotContain("Registry not reachable")
            .And.NotContain("supervises no process");
    }

    [Fact]
    public async Task Render_NoDemoNoRegistryNoProcess_ShowsEmptyStates()
    {
        var status = new HostStatus(TimeProvider.System);

        var html = await RenderAsync(status, new Uri("http://127.0.0.1:1/"));

        html.Should().Contain("<h1>Health</h1>")
            .And.Contain("Registry not reachable")
            .And.Contain("supervises no process")
            .And.NotContain(">demo ")
            .And.NotContain("<h2>Endpoints</h2>");
    }

    [Fact]
    public async Task Render_DemoStarting_ShowsWarnBadge()
    {
        var status = new HostStatus(TimeProvider.System) { DemoPhase = "starting" };

        var html = await RenderAsync(status, new Uri(_registry.Urls.Single() + "/"));

        html.Should().Contain("<span class=\"badge warn\">demo starting</span>");
    }

    [Fact]
    public async Task Render_SpansReceived_ListsServicesWithTheirRed()
    {
        var now = DateTimeOffset.UtcNow;
        var spans = Enumerable.Range(0, 20).Select(i => new SpanData
        {
            Resource = new TelemetryResource([new KeyValue("service.name", AttributeValue.OfText("hotel"))]),
            Scope = InstrumentationScope.None,
            TraceId = new TraceId(1, (ulong)i + 1),
            SpanId = new SpanId((ulong)i + 1),
            Name = "GET /hotels",
            Kind = SpanKind.Server,
            StartUnixNano = QueryTime.ToUnixNanos(now.AddSeconds(-60 + i)),
            EndUnixNano = QueryTime.ToUnixNanos(now.AddSeconds(-60 + i).AddMilliseconds(12)),
            Status = i % 10 == 0 ? SpanStatus.Error : SpanStatus.Unset,
        }).ToList();

        var html = await RenderAsync(new HostStatus(TimeProvider.System), new Uri(_registry.Urls.Single() + "/"), store => store.Aggregates.Add(spans, QueryTime.ToUnixNanos(now)));

        html.Should().Contain("<td>hotel</td>");
        html.Should().Contain("10.0%", "2 of 20 requests failed");
    }

    private async Task<string> RenderAsync(HostStatus status, Uri registry, Action<TelemetryStore>? seed = null)
    {
        using var store = new TelemetryStore(new CollectorOptions { DataDirectory = Path.Combine(_directory, "store"), Durable = false }, TimeProvider.System);
        seed?.Invoke(store);
        await using var services = new ServiceCollection()
            .AddSingleton(status)
            .AddSingleton(_supervisor)
            .AddSingleton(new RegistryReader(_http, new AiopsHostOptions { DataDirectory = _directory, Registry = registry }))
            .AddSingleton(new TelemetryQueries(store, TimeProvider.System))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<Home>()).ToHtmlString());
    }
}
