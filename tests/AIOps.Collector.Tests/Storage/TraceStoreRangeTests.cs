using AIOps.Collector.Model;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Tests.Storage;

public sealed class TraceStoreRangeTests : IDisposable
{
    private static readonly long s_second = 1_000_000_000;
    private static readonly long s_hourStart = PartitionSet.HourStartNanos(PartitionSet.HourOf(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000));
    private static readonly TelemetryResource s_hotel = new([new KeyValue("service.name", AttributeValue.OfText("hotel"))]);

    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-range-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SpanData Span(ulong trace, ulong id, long start) => new()
    {
        Resource = s_hotel,
        Scope = new InstrumentationScope("test", null),
        TraceId = new TraceId(trace * 7919, trace),
        SpanId = new SpanId(id),
        Name = "GET /hotels",
        StartUnixNano = start,
        EndUnixNano = start + (5 * s_second / 1000),
    };

    private static void Write(TraceStore store, IReadOnlyList<SpanData> spans) =>
        store.Write(TraceStore.Prepare(spans, s_hourStart), [], []);

    [Fact]
    public void Range_SpansAcrossTwoPartitions_ReturnsThoseStartingInTheRange()
    {
        using var store = new TraceStore(_directory, durable: false);
        var starts = new[] { -90, -30, -1, 0, 1, 30, 59, 60, 90 };
        Write(store, [.. starts.Select((s, i) => Span((ulong)i + 1, 1, s_hourStart + (s * s_second)))]);

        var sample = store.Range(s_hourStart - (30 * s_second), s_hourStart + (60 * s_second), 1000, s => (s.StartUnixNano - s_hourStart) / s_second);

        sample.Spans.Should().BeEquivalentTo(new long[] { -30, -1, 0, 1, 30, 59 });
        sample.Matched.Should().Be(6);
        sample.Sampled.Should().BeFalse();
    }

    [Fact]
    public void Range_MoreSpansThanTheBound_KeepsWholeTracesWithinIt()
    {
        using var store = new TraceStore(_directory, durable: false);

        // 400 traces of 5 spans, written in two batches so that a trace's spans lie in different blocks.
        var spans = Enumerable.Range(1, 400).SelectMany(t => Enumerable.Range(1, 5).Select(s => Span((ulong)t, (ulong)s, s_hourStart + (t * s_second / 10) + s))).ToList();
        Write(store, [.. spans.Where(s => s.SpanId.Value <= 2)]);
        Write(store, [.. spans.Where(s => s.SpanId.Value > 2)]);

        var sample = store.Range(s_hourStart, s_hourStart + (60 * s_second), 600, s => (s.TraceId, s.SpanId));

        sample.Matched.Should().Be(2000);
        sample.Sampled.Should().BeTrue();
        sample.Spans.Count.Should().BeInRange(200, 600);
        sample.Spans.GroupBy(s => s.TraceId).Should().OnlyContain(trace => trace.Count() == 5, "a trace is kept whole or not at all");
        store.Range(s_hourStart, s_hourStart + (60 * s_second), 600, s => (s.TraceId, s.SpanId)).Spans.Should().BeEquivalentTo(sample.Spans, "the sample depends on the trace ids only");
    }

    [Fact]
    public void Range_BoundSmallerThanOneTrace_KeepsNothingRatherThanPartOfATrace()
    {
        using var store = new TraceStore(_directory, durable: false);
        Write(store, [.. Enumerable.Range(1, 10).Select(s => Span(1, (ulong)s, s_hourStart + s))]);

        var sample = store.Range(s_hourStart, s_hourStart + s_second, 4, s => s.SpanId);

        sample.Spans.Should().BeEmpty();
        sample.Matched.Should().Be(10);
    }
}
