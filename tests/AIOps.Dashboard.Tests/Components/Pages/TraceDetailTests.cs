using AIOps.Collector.Model;
using AIOps.Dashboard.Components.Pages;
using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class TraceDetailTests : IDisposable
{
    private static readonly TraceId s_trace = new(0x0af7651916cd43dd, 0x8448eb211c80319c);
    private readonly SeededTelemetry _telemetry = new();

    public void Dispose() => _telemetry.Dispose();

    [Fact]
    public async Task Render_Trace_RowsInTreeOrderWithTheErrorSpanMarkedAndItsDetails()
    {
        var start = _telemetry.Now.AddMinutes(-1);
        var flight = _telemetry.Span(s_trace, 4, 1, "flight", "GET /flights", start.AddMilliseconds(50), 40, SpanStatus.Error);
        var failed = new SpanData
        {
            Resource = flight.Resource,
            Scope = flight.Scope,
            TraceId = s_trace,
            SpanId = flight.SpanId,
            ParentSpanId = flight.ParentSpanId,
            Name = flight.Name,
            Kind = flight.Kind,
            StartUnixNano = flight.StartUnixNano,
            EndUnixNano = flight.EndUnixNano,
            Status = SpanStatus.Error,
            StatusMessage = "upstream timed out",
            Attributes = [SeededTelemetry.Text("http.status_code", "504")],
            Events = [new SpanEvent(flight.StartUnixNano + 30_000_000, "exception", [SeededTelemetry.Text("exception.message", "connection reset by peer")])],
        };

        // Children first, as an exporter may send them.
        await _telemetry.AddAsync(
            failed,
            _telemetry.Span(s_trace, 3, 2, "hotel", "SELECT rooms", start.AddMilliseconds(15), 10, kind: SpanKind.Client),
            _telemetry.Span(s_trace, 2, 1, "hotel", "GET /hotels", start.AddMilliseconds(10), 30),
            _telemetry.Span(s_trace, 1, 0, "frontend", "POST /book", start, 100));

        var html = await RenderAsync(s_trace.ToString());

        var order = new[] { "POST /book", "GET /hotels", "SELECT rooms", "GET /flights" }
            .Select(name => html.IndexOf($"title=\"{name}\"", StringComparison.Ordinal)).ToList();
        order.Should().OnlyContain(p => p > 0).And.BeInAscendingOrder();
        html.Should().Contain("padding-left: 28px", "the database call is two levels down")
            .And.Contain("<details class=\"wf-row failed\"")
            .And.Contain("1 error span<").And.Contain("4 spans").And.Contain("3 services")
            .And.Contain("http.status_code").And.Contain("504")
            .And.Contain("upstream timed out")
            .And.Contain("<strong>exception</strong>").And.Contain("connection reset by peer")
            .And.Contain($"href=\"/logs?traceId={s_trace}\"")
            .And.Contain("left: 50%; width: 40%", "the flight call starts halfway through the 100 ms trace and takes 40 ms");
    }

    [Fact]
    public async Task Render_NotATraceId_SaysSo()
    {
        var html = await RenderAsync("not-a-trace");

        html.Should().Contain("role=\"alert\"").And.Contain("is not a trace id: a trace id is 32 hex characters").And.NotContain("class=\"waterfall\"");
    }

    [Fact]
    public async Task Render_UnknownTrace_SaysNoSpanIsStored()
    {
        var html = await RenderAsync(new TraceId(5, 5).ToString());

        html.Should().Contain("No span of trace 00000000000000050000000000000005 is stored").And.Contain("7 days");
    }

    private Task<string> RenderAsync(string traceId) =>
        ComponentRenderer.RenderAsync<TraceDetail>(
            ComponentRenderer.Request(_telemetry.Now, DashboardRoles.Viewer, "/traces/" + traceId),
            _telemetry.Register,
            new Dictionary<string, object?> { [nameof(TraceDetail.TraceId)] = traceId });
}
