using AIOps.Analyzer.Incidents;
using AIOps.Dashboard.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class IncidentsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-incidents-").FullName;
    private readonly IncidentStore _store;

    public IncidentsTests()
    {
        _store = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        _store.Save(
        [
            OpsSamples.Incident(s_now, "inc-open"),
            OpsSamples.Incident(s_now, "inc-resolved", IncidentStatus.Resolved, TimeSpan.FromMinutes(40)),
            OpsSamples.Incident(s_now, "inc-old", IncidentStatus.Resolved, TimeSpan.FromHours(3)),
            OpsSamples.Incident(s_now, "inc-old-open", IncidentStatus.Open, TimeSpan.FromHours(5)),
        ]);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Render_IncidentsOfTheRange_ListsThemWithStatusDurationServicesAndTopCause()
    {
        var html = await RenderAsync();

        html.Should().Contain("<a href=\"/incidents/inc-open\">p95 latency up on gateway (GET /book): 412 ms against 35 ms</a>")
            .And.Contain("<a href=\"/incidents/inc-resolved\">")
            .And.Contain("<span class=\"badge bad\">open</span>")
            .And.Contain("<span class=\"badge ok\">resolved</span>")
            .And.Contain("<td class=\"num\">12m 00s</td>", "the open incident has lasted 12 minutes so far")
            .And.Contain("<td class=\"num\">7m 00s</td>", "the resolved one lasted 7 minutes")
            .And.Contain("<a href=\"/services/gateway\">gateway</a>")
            .And.Contain("<a href=\"/services/hotel\">hotel</a> <span class=\"muted\">latency</span> <span class=\"score\">0.92</span>")
            .And.Contain("data-live=\"incidents\"")
            .And.NotContain("/incidents/inc-old\"", "it opened and resolved before the range");
    }

    [Fact]
    public async Task Render_OpenedBeforeTheRangeAndStillOpen_IsListed()
    {
        var html = await RenderAsync();

        html.Should().Contain("<a href=\"/incidents/inc-old-open\">")
            .And.Contain("<td class=\"num\">5h 00m</td>");
    }

    [Fact]
    public async Task Render_StatusOpen_ListsOnlyOpenIncidents()
    {
        var html = await RenderAsync("open");

        html.Should().Contain("/incidents/inc-open\"")
            .And.NotContain("/incidents/inc-resolved\"")
            .And.Contain("<option value=\"open\" selected>open</option>");
    }

    [Fact]
    public async Task Render_StatusResolved_ListsOnlyResolvedOnesOfTheRange()
    {
        var html = await RenderAsync("resolved");

        html.Should().Contain("/incidents/inc-resolved\"")
            .And.NotContain("/incidents/inc-open\"")
            .And.NotContain("/incidents/inc-old-open\"");
    }

    [Fact]
    public async Task Render_NoIncident_SaysSo()
    {
        using var empty = new IncidentStore(Path.Combine(_directory, "empty.db"));

        var html = await ComponentRenderer.RenderAsync<Incidents>(ComponentRenderer.Request(s_now, path: "/incidents"), s => s.AddSingleton(empty));

        html.Should().Contain("No incident in the last hour.").And.NotContain("<table");
    }

    private Task<string> RenderAsync(string? status = null) =>
        ComponentRenderer.RenderAsync<Incidents>(
            ComponentRenderer.Request(s_now, path: status is null ? "/incidents" : "/incidents?status=" + status),
            s => s.AddSingleton(_store));
}
