using AIOps.Collector.Model;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class LogsTests : IDisposable
{
    private static readonly TraceId s_trace = new(0xabc, 0xdef);
    private readonly SeededTelemetry _telemetry = new();

    public void Dispose() => _telemetry.Dispose();

    [Fact]
    public async Task Render_MinSeverityWarn_ListsWarningsAndErrorsOnly()
    {
        await SeedAsync();

        var html = await RenderAsync("/logs?severity=warn");

        html.Should().Contain("pool nearly exhausted").And.Contain("payment declined")
            .And.NotContain("booking accepted")
            .And.Contain("<option value=\"warn\" selected");
        html.IndexOf("payment declined", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("pool nearly exhausted", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Render_TraceId_ListsThatTraceOnlyEvenBeforeTheRange()
    {
        await SeedAsync();
        await _telemetry.AddAsync(_telemetry.Log("hotel", _telemetry.Now.AddHours(-3), 17, "room lock timed out", s_trace));

        var html = await RenderAsync($"/logs?traceId={s_trace}");

        html.Should().Contain("room lock timed out", "a trace's logs are found whatever the range")
            .And.Contain("payment declined")
            .And.NotContain("booking accepted")
            .And.Contain($"Logs of trace <a class=\"mono\" href=\"/traces/{s_trace}\"")
            .And.Contain($"href=\"/traces/{s_trace}\" title=\"{s_trace}\"");
    }

    [Fact]
    public async Task Render_Attributes_ExpandableUnderTheMessage()
    {
        await SeedAsync();

        var html = await RenderAsync("/logs?service=payment");

        html.Should().MatchRegex("<details data-key=\"log-[0-9]+-payment-payment-1\"><summary><span class=\"text\">payment declined</span></summary>", "the fold is keyed by the record, so that a live refresh keeps it open")
            .And.Contain("card.issuer").And.Contain("examplebank")
            .And.Contain("<span class=\"badge bad\" title=\"severity 17\">error</span>")
            .And.Contain("payment-1");
    }

    [Fact]
    public async Task Render_TextAndLimit_PageOfMatches()
    {
        await SeedAsync();

        var html = await RenderAsync("/logs?text=BOOKING&limit=1");

        html.Should().Contain("booking accepted").And.NotContain("pool nearly exhausted").And.Contain("data-live=\"logs\"");
    }

    [Fact]
    public async Task Render_BadTraceId_NamesTheField()
    {
        var html = await RenderAsync("/logs?traceId=xyz");

        html.Should().Contain("role=\"alert\"").And.Contain("trace id must be 32 hex characters").And.NotContain("<table");
    }

    [Fact]
    public async Task Render_NoRecord_SaysSo()
    {
        var html = await RenderAsync("/logs?severity=fatal");

        html.Should().Contain("No log record matches in this range");
    }

    private async Task SeedAsync() => await _telemetry.AddAsync(
        _telemetry.Log("frontend", _telemetry.Now.AddMinutes(-5), 9, "booking accepted"),
        _telemetry.Log("hotel", _telemetry.Now.AddMinutes(-4), 13, "connection pool nearly exhausted"),
        _telemetry.Log("payment", _telemetry.Now.AddMinutes(-3), 17, "payment declined", s_trace, SeededTelemetry.Text("card.issuer", "examplebank")));

    private Task<string> RenderAsync(string path) =>
        ComponentRenderer.RenderAsync<Logs>(ComponentRenderer.Request(_telemetry.Now, DashboardRoles.Viewer, path), _telemetry.Register);
}
