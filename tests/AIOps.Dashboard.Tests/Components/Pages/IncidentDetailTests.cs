using AIOps.Analyzer.Incidents;
using AIOps.Dashboard.Components.Pages;
using AIOps.Remediator.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class IncidentDetailTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-incident-").FullName;
    private readonly IncidentStore _store;
    private readonly ActionLog _log;

    public IncidentDetailTests()
    {
        _store = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        _store.Save([OpsSamples.Incident(s_now, "inc-hotel")]);
        _log = new ActionLog(Path.Combine(_directory, "actions.jsonl"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _log.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Render_RankedIncident_ShowsTheFaultedServiceFirstWithItsEvidenceAndTraceLinks()
    {
        var html = await RenderAsync("inc-hotel");

        var hotel = html.IndexOf("<a class=\"service\" href=\"/services/hotel\">hotel</a>", StringComparison.Ordinal);
        var gateway = html.IndexOf("<a class=\"service\" href=\"/services/gateway\">gateway</a>", StringComparison.Ordinal);
        hotel.Should().BePositive();
        gateway.Should().BeGreaterThan(hotel, "the ranking lists the most likely cause first");
        html.Should().Contain("0.92")
            .And.Contain("operation <span class=\"mono\">GET /hotels</span>")
            .And.Contain("instance <span class=\"mono\">hotel-2</span>")
            .And.Contain("<td class=\"num\">12.5 ms</td>").And.Contain("<td class=\"num\">388.2 ms</td>")
            .And.Contain("<td class=\"num\">14.2</td>")
            .And.Contain("GET /hotels: own time p90 388.2 ms against a median of 12.5 ms")
            .And.Contain($"href=\"/traces/{OpsSamples.HotelTrace}\"")
            .And.Contain($"<a href=\"/logs?traceId={OpsSamples.HotelTrace}\">logs</a>");
        html.Should().Contain("<details class=\"evidence\" open data-key=\"evidence-hotel\">", "the first cause's evidence is open, keyed so that a live refresh keeps the SRE's folds")
            .And.Contain("<details class=\"evidence\" data-key=\"evidence-gateway\">");
    }

    [Fact]
    public async Task Render_Incident_ShowsSignalsInTheirUnitsAndTheTimeline()
    {
        var html = await RenderAsync("inc-hotel");

        html.Should().Contain("<span class=\"badge bad\">open</span>")
            .And.Contain("open for 12m 00s")
            .And.Contain("<td class=\"num\">35 ms</td>").And.Contain("<td class=\"num\">412 ms</td>")
            .And.Contain("<td class=\"num\">23 %</td>", "an error rate shows as a percentage")
            .And.Contain("<td>ongoing</td>", "the gateway's signal has not ended")
            .And.Contain("error rate up on hotel: 23 % against 1 %")
            .And.Contain("<span class=\"kind opened\">opened</span>")
            .And.Contain("No remediation policy acted on this incident.");
    }

    [Fact]
    public async Task Render_IncidentWithActions_ListsThemWithTheirStepsAndLinksToRemediation()
    {
        _log.Append(OpsSamples.Succeeded(s_now, "act-restart"));
        _log.Append(OpsSamples.Proposed(s_now, "act-other", triggerId: "inc-other"));

        var html = await RenderAsync("inc-hotel");

        html.Should().Contain("restart-hotel")
            .And.Contain("rolling-restart <a href=\"/services/hotel\">hotel</a>")
            .And.Contain("<span class=\"badge ok\">succeeded</span>")
            .And.Contain("<details class=\"transitions\" data-key=\"steps-act-restart\">")
            .And.Contain("<summary>5 steps</summary>")
            .And.Contain("<td>olivia</td>", "the approver is in the action's steps")
            .And.Contain("<a href=\"/remediation\">")
            .And.NotContain("scale-out-hotel", "that action answers another incident");
    }

    [Fact]
    public async Task Render_UnknownId_SaysNotFound()
    {
        var html = await RenderAsync("no-such-incident");

        html.Should().Contain("<h1>Incident not found</h1>")
            .And.Contain("<code>no-such-incident</code>")
            .And.Contain("<a href=\"/incidents\">All incidents</a>")
            .And.NotContain("Root-cause ranking");
    }

    private Task<string> RenderAsync(string id) =>
        ComponentRenderer.RenderAsync<IncidentDetail>(
            ComponentRenderer.Request(s_now, path: "/incidents/" + id),
            s => s.AddSingleton(_store).AddSingleton(_log),
            new Dictionary<string, object?> { [nameof(IncidentDetail.Id)] = id });
}
