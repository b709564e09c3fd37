using AIOps.Analyzer.Analysis;
using AIOps.Collector;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Observability;
using AIOps.Collector.Storage;
using AIOps.Remediator.Scaling;
using AIOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Remediator.Tests.Scaling;

/// <summary>The demand read from a real collector store: requests served per second, settled windows only.</summary>
public sealed class DemandReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-demand-").FullName;
    private readonly ManualTimeProvider _time = new(s_t0);
    private readonly TelemetryStore _store;
    private readonly DemandReader _reader;
    private readonly TelemetryResource _hotel = new([new KeyValue("service.name", AttributeValue.OfText("hotel")), new KeyValue("service.instance.id", AttributeValue.OfText("hotel-1"))]);
    private ulong _id;

    public DemandReaderTests()
    {
        _store = new TelemetryStore(new CollectorOptions { DataDirectory = Path.Combine(_directory, "store"), Durable = false }, _time);
        var options = new RemediationOptions { ScaleInStabilization = TimeSpan.FromMinutes(2), ScalingSettle = TimeSpan.FromSeconds(12), ScalingReaction = TimeSpan.FromSeconds(30) };
        var forecasts = new RequestRateForecasts(_store, new AnalysisOptions { DataDirectory = _directory }, _time, NullLogger<RequestRateForecasts>.Instance);
        _reader = new DemandReader(_store, forecasts, options, _time);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // Requests served by hotel at perSecond(t) requests a second, each second from fromS to toS after t0.
    private async Task ServeAsync(int fromS, int toS, Func<int, int> perSecond)
    {
        var spans = new List<SpanData>();
        for (var s = fromS; s < toS; s++)
        {
            for (var i = 0; i < perSecond(s); i++)
            {
                var start = (s_t0.ToUnixTimeMilliseconds() + (s * 1000L) + i) * 1_000_000;
                spans.Add(new SpanData
                {
                    Resource = _hotel, Scope = new InstrumentationScope("test", null), TraceId = new TraceId(7, ++_id), SpanId = new SpanId(++_id),
                    Name = "GET /hotels", Kind = SpanKind.Server, StartUnixNano = start, EndUnixNano = start + 5_000_000,
                });
            }
        }

        using var pipeline = new IngestPipeline(_store, new CollectorMetrics(), _time, NullLogger<IngestPipeline>.Instance);
        (await pipeline.IngestAsync(new TraceBatch(spans), CancellationToken.None)).Accepted.Should().Be(spans.Count);
    }

    [Fact]
    public async Task Read_SteadyTraffic_IsItsRate()
    {
        await ServeAsync(0, 180, _ => 20);
        _time.Advance(TimeSpan.FromSeconds(190));

        var demand = _reader.Read(["hotel"], TimeSpan.FromMinutes(15))["hotel"];

        demand.Now.Should().Be(20);
        demand.Projected.Should().Be(20);
        demand.RecentPeak.Should().Be(20);
    }

    [Fact]
    public async Task Read_Ramp_ProjectsAheadOfIt_AndTheUnsettledWindowIsLeftOut()
    {
        // 10 req/s, then one more each 10 s from 60 s on; the newest 12 s are not settled and not read.
        await ServeAsync(0, 180, s => s < 60 ? 10 : 10 + ((s - 60) / 10));
        _time.Advance(TimeSpan.FromSeconds(180));

        var demand = _reader.Read(["hotel"], TimeSpan.FromMinutes(15))["hotel"];

        demand.Now.Should().Be(18, "the three newest settled windows (130-160 s: 17, 18, 19 req/s); 160-170 s ends after now minus 12 s");
        demand.Projected.Should().BeGreaterThan(demand.Now, "the trend is projected over a replica's start-up");
        demand.Projected.Should().BeApproximately(22, 0.01, "+1 req/s per 10 s, 30 s past the newest settled window (19)");
    }

    [Fact]
    public async Task Services_AreThoseThatServedRequests()
    {
        await ServeAsync(0, 60, _ => 5);
        _time.Advance(TimeSpan.FromSeconds(70));

        _reader.Services().Should().Equal("hotel");
    }
}
