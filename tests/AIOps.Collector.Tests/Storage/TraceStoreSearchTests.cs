using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Tests.Storage;

public sealed class TraceStoreSearchTests : IDisposable
{
    private static readonly long s_second = 1_000_000_000;
    private static readonly long s_hourStart = PartitionSet.HourStartNanos(PartitionSet.HourOf(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000));

    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-search-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SpanData Span(ulong trace, string service, long start, bool error) => new()
    {
        Resource = new TelemetryResource([new KeyValue("service.name", AttributeValue.OfText(service))]),
        Scope = new InstrumentationScope("test", null),
        TraceId = new TraceId(trace * 7919, trace),
        SpanId = new SpanId(trace),
        Name = "GET /x",
        Kind = SpanKind.Server,
        StartUnixNano = start,
        EndUnixNano = start + (5 * s_second / 1000),
        Status = error ? SpanStatus.Error : SpanStatus.Unset,
    };

    [Fact]
    public void Search_ErrorsOnlyAmongManyFine_FindsEveryFailedTraceNewestFirstAndByService()
    {
        using var store = new TraceStore(_directory, durable: false);
        // 3,000 requests over 50 minutes, of which every 500th failed: hotel's at 0, 1000, 2000, payment's at 500, ...
        var spans = Enumerable.Range(0, 3000).Select(i => Span((ulong)i + 1, i % 1000 == 0 ? "hotel" : "payment", s_hourStart + (i * s_second), i % 500 == 0)).ToList();
        store.Write(TraceStore.Prepare(spans, s_hourStart), [], []);

        var all = store.Search(new TraceSearch { FromUnixNano = s_hourStart, ToUnixNano = s_hourStart + (3600 * s_second), Error = true, Limit = 20 });
        var hotel = store.Search(new TraceSearch { FromUnixNano = s_hourStart, ToUnixNano = s_hourStart + (3600 * s_second), Error = true, Service = "hotel", Limit = 20 });
        var fine = store.Search(new TraceSearch { FromUnixNano = s_hourStart, ToUnixNano = s_hourStart + (3600 * s_second), Error = false, Limit = 5 });

        all.Select(t => (t.StartUnixNano - s_hourStart) / s_second).Should().Equal(2500, 2000, 1500, 1000, 500, 0);
        all.Should().OnlyContain(t => t.Error);
        hotel.Select(t => (t.StartUnixNano - s_hourStart) / s_second).Should().Equal(2000, 1000, 0);
        fine.Select(t => (t.StartUnixNano - s_hourStart) / s_second).Should().Equal(2999, 2998, 2997, 2996, 2995);
    }
}
