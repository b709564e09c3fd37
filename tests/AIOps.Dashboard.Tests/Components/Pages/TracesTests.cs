using AIOps.Collector.Model;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class TracesTests : IDisposable
{
    private readonly SeededTelemetry _telemetry = new();

    public void Dispose() => _telemetry.Dispose();

    [Fact]
    public async Task Render_MinDuration_ListsTheSlowTraceOnly()
    {
        var fast = await BookingsAsync(3, ms: 12);
        var slow = await BookingAsync(new TraceId(9, 9), _telemetry.Now.AddMinutes(-2), ms: 900);

        var html = await RenderAsync("/traces?minMs=500");

        html.Should().Contain($"href=\"/traces/{slow}\"")
            .And.Contain("900 ms")
            .And.Contain("frontend, hotel");
        foreach (var id in fast)
        {
            html.Should().NotContain(id);
        }
    }

    [Fact]
    public async Task Render_NoFilter_ListsEveryTraceNewestFirst()
    {
        var ids = await BookingsAsync(3, ms: 12);

        var html = await RenderAsync("/traces");

        var positions = ids.Select(id => html.IndexOf($"<a href=\"/traces/{id}\"><span", StringComparison.Ordinal)).ToList();
        positions.Should().OnlyContain(p => p > 0);
        positions.Should().BeInDescendingOrder("the bookings started one after the other: the newest comes first");
        html.Should().Contain("<span class=\"svc\">frontend</span> POST /book").And.Contain("data-chart=\"trace durations\"");
    }

    [Fact]
    public async Task Render_MinDurationNotANumber_NamesTheField()
    {
        await BookingsAsync(1, ms: 12);

        var html = await RenderAsync("/traces?minMs=slow");

        html.Should().Contain("role=\"alert\"").And.Contain("minimum duration must be a number of milliseconds")
            .And.NotContain("<table").And.Contain("value=\"slow\"");
    }

    [Fact]
    public async Task Render_ErrorsOnly_ListsFailedTracesWithBadge()
    {
        var ok = await BookingAsync(new TraceId(1, 1), _telemetry.Now.AddMinutes(-3), ms: 20);
        var failed = await BookingAsync(new TraceId(2, 2), _telemetry.Now.AddMinutes(-2), ms: 20, SpanStatus.Error);

        var html = await RenderAsync("/traces?errors=on");

        html.Should().Contain(failed).And.NotContain(ok).And.Contain("<span class=\"badge bad\">error</span>").And.Contain("checked");
    }

    [Fact]
    public async Task Render_AttributeWithoutEquals_NamesTheField()
    {
        var html = await RenderAsync("/traces?attr=http.route");

        html.Should().Contain("attribute must be key=value");
    }

    [Fact]
    public async Task Render_LimitReached_LinksToTheOlderPage()
    {
        var ids = await BookingsAsync(3, ms: 12);

        var html = await RenderAsync("/traces?service=frontend&limit=2");

        html.Should().Contain(ids[2]).And.Contain(ids[1]).And.NotContain(ids[0])
            .And.Contain("href=\"/traces?service=frontend&amp;limit=2&amp;offset=2&amp;range=1h\"");
    }

    [Fact]
    public async Task Render_NothingInRange_SaysSo()
    {
        var html = await RenderAsync("/traces?service=nowhere");

        html.Should().Contain("No trace matches in this range");
    }

    private Task<string> RenderAsync(string path) =>
        ComponentRenderer.RenderAsync<Traces>(ComponentRenderer.Request(_telemetry.Now, DashboardRoles.Viewer, path), _telemetry.Register);

    // Bookings a minute apart, oldest first: frontend POST /book calling hotel GET /hotels.
    private async Task<List<string>> BookingsAsync(int count, double ms)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await BookingAsync(new TraceId(0xb00c, (ulong)i + 1), _telemetry.Now.AddMinutes(-10 + i), ms));
        }

        return ids;
    }

    private async Task<string> BookingAsync(TraceId trace, DateTimeOffset start, double ms, SpanStatus status = SpanStatus.Unset)
    {
        var root = trace.Low * 10;
        await _telemetry.AddAsync(
            _telemetry.Span(trace, root, 0, "frontend", "POST /book", start, ms, status),
            _telemetry.Span(trace, root + 1, root, "hotel", "GET /hotels", start.AddMilliseconds(1), ms - 2, status));
        return trace.ToString();
    }
}
