using AIOps.Collector.Aggregation;
using AIOps.Collector.Model;

namespace AIOps.Collector.Tests.Aggregation;

public sealed class LiveAggregatesTests
{
    private static readonly long s_now = 1_795_000_000_000_000_000;

    private static SpanData Span(string service, string name, SpanKind kind, ulong id, ulong parent, long startOffsetMs, double durationMs, bool error = false) => new()
    {
        Resource = new TelemetryResource([new KeyValue("service.name", AttributeValue.OfText(service))]),
        Scope = InstrumentationScope.None,
        TraceId = new TraceId(1, 1),
        SpanId = new SpanId(id),
        ParentSpanId = new SpanId(parent),
        Name = name,
        Kind = kind,
        StartUnixNano = s_now + (startOffsetMs * 1_000_000),
        EndUnixNano = s_now + (startOffsetMs * 1_000_000) + (long)(durationMs * 1_000_000),
        Status = error ? SpanStatus.Error : SpanStatus.Unset,
    };

    [Fact]
    public void Add_EntrySpans_CountRedPerServiceAndOperation()
    {
        var aggregates = new LiveAggregates();

        aggregates.Add(
        [
            Span("order", "POST /orders", SpanKind.Server, 1, 0, -5000, 40),
            Span("order", "POST /orders", SpanKind.Server, 2, 0, -5000, 60, error: true),
            Span("order", "SELECT", SpanKind.Client, 3, 1, -5000, 2),
        ], s_now);

        var red = aggregates.Red(s_now - 60_000_000_000, s_now, "order").Should().ContainSingle().Subject;
        red.Operation.Should().Be("POST /orders");
        red.Count.Should().Be(2);
        red.Errors.Should().Be(1);
        red.Histogram.Quantile(0.5).Should().BeInRange(32, 62);
    }

    [Fact]
    public void Add_ChildBeforeItsParent_StillCountsTheEdge()
    {
        var aggregates = new LiveAggregates();

        aggregates.Add([Span("payment", "POST /payments", SpanKind.Server, 20, 10, -3000, 30)], s_now);
        aggregates.Edges(s_now - 60_000_000_000, s_now).Should().BeEmpty();
        aggregates.Add([Span("order", "POST", SpanKind.Client, 10, 5, -3001, 32)], s_now);

        var edge = aggregates.Edges(s_now - 60_000_000_000, s_now).Should().ContainSingle().Subject;
        (edge.Caller, edge.Callee, edge.Count).Should().Be(("order", "payment", 1));
    }

    [Fact]
    public void Add_QueueConsumerUnderAProducer_IsAnEdgeToo()
    {
        var aggregates = new LiveAggregates();

        aggregates.Add([Span("order", "notifications publish", SpanKind.Producer, 30, 1, -2000, 1), Span("notification", "notifications process", SpanKind.Consumer, 31, 30, -1800, 12)], s_now);

        aggregates.Edges(s_now - 60_000_000_000, s_now).Should().ContainSingle(e => e.Caller == "order" && e.Callee == "notification");
    }

    [Fact]
    public void TakeFinal_WindowsEndedOverCloseDelayAgo_AreHandedOutOnceAndAgainWhenChanged()
    {
        var aggregates = new LiveAggregates();
        aggregates.Add([Span("hotel", "GET /hotels", SpanKind.Server, 1, 0, -120_000, 5)], s_now);

        aggregates.TakeFinal(s_now).Red.Should().ContainSingle();
        aggregates.TakeFinal(s_now).Red.Should().BeEmpty("nothing changed since");

        aggregates.Add([Span("hotel", "GET /hotels", SpanKind.Server, 2, 0, -120_000, 5)], s_now);
        aggregates.TakeFinal(s_now).Red.Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public void TakeFinal_RecentWindow_IsNotFinalYet()
    {
        var aggregates = new LiveAggregates();
        aggregates.Add([Span("hotel", "GET /hotels", SpanKind.Server, 1, 0, -1000, 5)], s_now);

        aggregates.TakeFinal(s_now).Red.Should().BeEmpty();
    }
}
