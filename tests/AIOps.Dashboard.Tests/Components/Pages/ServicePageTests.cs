using System.Globalization;
using AIOps.Analyzer.RootCause;
using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Model;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class ServicePageTests : SeededPageTests
{
    [Fact]
    public async Task Render_KnownService_ShowsItsThreeRedChartsAgainstTheObjective()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 300, errorShare: 0.02, ms: 40);

        var html = await RenderAsync("hotel");

        html.Should().Contain("data-chart=\"Request rate\"").And.Contain("data-chart=\"Error rate\"").And.Contain("data-chart=\"Latency\"")
            .And.Contain("<span class=\"key primary\">p95</span>").And.Contain("<span class=\"key secondary\">p99</span>")
            .And.Contain("<title>objective: 0.5 %</title>", "the error objective is the error chart's threshold")
            .And.Contain("<title>p95 objective: 500 ms</title>")
            .And.Contain(Encoded("99.5 % of requests succeed, p95 under 500 ms"))
            .And.Contain("<span class=\"badge bad\"", "2 % errors break 99.5 %")
            .And.Contain("data-live=\"service\"");
    }

    [Fact]
    public async Task Render_UnknownService_SaysNoTelemetryFromIt()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 30);

        var html = await RenderAsync("nosuch");

        html.Should().Contain("No telemetry from <strong>nosuch</strong> in this range").And.NotContain("data-chart=");
    }

    [Fact]
    public async Task Render_Operations_EachWithItsRedAndALinkToItsTraces_ByRateOrByP95()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 600, ms: 20);
        await Platform.ServeAsync("hotel", "POST /reserve", 60, ms: 300);

        var byRate = await RenderAsync("hotel");
        var byP95 = await RenderAsync("hotel", "?sort=p95");

        byRate.Should().Contain("<a href=\"/traces?service=hotel&amp;operation=GET%20%2Fhotels\">GET /hotels</a>")
            .And.Contain("<a href=\"/traces?service=hotel&amp;operation=POST%20%2Freserve\">POST /reserve</a>")
            .And.Contain("<td class=\"num\">600</td>").And.Contain("<td class=\"num\">60</td>");
        byRate.IndexOf("GET /hotels</a>", StringComparison.Ordinal).Should().BeLessThan(byRate.IndexOf("POST /reserve</a>", StringComparison.Ordinal));
        byP95.IndexOf("POST /reserve</a>", StringComparison.Ordinal).Should().BeLessThan(byP95.IndexOf("GET /hotels</a>", StringComparison.Ordinal));
        byP95.Should().Contain("<a class=\"selected\" href=\"/services/hotel?sort=p95\">p95</a>");
    }

    [Fact]
    public async Task Render_IncidentOnTheService_MarkedOnItsChartAndListedWithItsIncident()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 300);
        var incident = Platform.OpenIncident("inc-7", "hotel", "hotel");

        var html = await RenderAsync("hotel");

        var signal = Encoded(incident.Signals[0].Text);
        html.Should().Contain($"<rect class=\"marker bad\"").And.Contain($"<title>{signal}</title>")
            .And.Contain("<a href=\"/incidents/inc-7\">inc-7</a>")
            .And.Contain(">ongoing<");
    }

    [Fact]
    public async Task Render_ChangesInTheRange_RestartsActionsAndAnnouncedFaults()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 300);
        Platform.Changes.Record(new ChangeEvent("hotel", "restart", (SeededPlatform.Now - TimeSpan.FromMinutes(3)).ToUnixTimeMilliseconds(), "restarted hotel-2 (remediation)", "hotel-2"));
        Platform.Changes.Record(new ChangeEvent("flight", "restart", (SeededPlatform.Now - TimeSpan.FromMinutes(3)).ToUnixTimeMilliseconds(), "restarted flight-1", "flight-1"));
        Platform.Action("a-1", "hotel", ActionState.Executing);
        var injected = SeededPlatform.Now - TimeSpan.FromMinutes(12);
        await Platform.SpanWithEventsAsync("hotel", "hotel-2", "POST /admin/faults/", injected, Fault("fault.injected", injected, "f-1a2b", "latency", 0.8));
        await Platform.SpanWithEventsAsync("hotel", "hotel-2", "chaos fault.expired", injected.AddMinutes(5), Fault("fault.expired", injected.AddMinutes(5), "f-1a2b", "latency", 0.8));

        var html = await RenderAsync("hotel");

        html.Should().Contain("restarted hotel-2 (remediation)").And.NotContain("restarted flight-1")
            .And.Contain("<a href=\"/remediation\">ScaleOut (executing): scale hotel from 1 to 2 replicas</a>")
            .And.Contain("fault injected: latency 0.8 on hotel-2 (f-1a2b)")
            .And.Contain("fault expired: latency 0.8 on hotel-2 (f-1a2b)")
            .And.Contain(UiRequest.Clock(injected));
    }

    [Fact]
    public async Task Render_Instances_FromTelemetryAndTheSupervisor()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 300);
        await Platform.MemoryAsync("hotel", "hotel-1", 150 * 1024 * 1024);
        var process = Platform.Supervisor.Start(new ProcessSpec("hotel-9", "hotel", "/bin/sleep", ["30"], Path.Combine(Path.GetTempPath(), $"aiops-hotel-9-{Guid.NewGuid():N}.log")));

        var html = await RenderAsync("hotel");

        html.Should().Contain("<td class=\"mono\">hotel-1</td>").And.Contain("150 MiB").And.Contain(">reported<")
            .And.Contain("<td class=\"mono\">hotel-9</td>").And.Contain("<span class=\"badge ok\">running</span>")
            .And.Contain($"<td class=\"num\">{process.Pid.ToString(CultureInfo.InvariantCulture)}</td>");
    }

    private Task<string> RenderAsync(string service, string query = "") =>
        Platform.RenderAsync<ServicePage>("/services/" + service + query, new Dictionary<string, object?> { ["Name"] = service });

    private static SpanEvent Fault(string name, DateTimeOffset time, string id, string kind, double intensity) => new(
        QueryTime.ToUnixNanos(time),
        name,
        [
            new KeyValue("fault.id", AttributeValue.OfText(id)),
            new KeyValue("fault.kind", AttributeValue.OfText(kind)),
            new KeyValue("fault.intensity", AttributeValue.OfReal(intensity)),
            new KeyValue("service.instance.id", AttributeValue.OfText("hotel-2")),
        ]);
}
