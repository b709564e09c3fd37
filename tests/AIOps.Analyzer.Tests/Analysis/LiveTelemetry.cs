using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.Signals;
using AIOps.Collector;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using Signal = AIOps.Analyzer.Signals.Signal;
using AIOps.Collector.Observability;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;
using AIOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Analyzer.Tests.Analysis;

/// <summary>
/// A collector store, an incident store and the analysis parts over them, on a manual clock, in a temporary folder;
/// with booking traffic to fill the store: frontend "POST /book" calling hotel "GET /hotels", one booking a second.
/// </summary>
internal sealed class LiveTelemetry : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-live-").FullName;
    private readonly Dictionary<(string, string), TelemetryResource> _resources = [];
    private ulong _nextId;

    public LiveTelemetry(Action<AnalysisOptions>? configure = null)
    {
        Options = new AnalysisOptions { DataDirectory = _directory };
        configure?.Invoke(Options);
        Store = new TelemetryStore(new CollectorOptions { DataDirectory = Path.Combine(_directory, "store"), Durable = false }, Time);
        Incidents = new IncidentStore(Path.Combine(_directory, "incidents.db"));
        Indicators = new IndicatorReader(Store, new TelemetryQueries(Store, Time), Options);
        Evidence = new LiveEvidenceReader(Store, Indicators, [Changes], Options, Time);
    }

    public ManualTimeProvider Time { get; } = new();

    public AnalysisOptions Options { get; }

    public TelemetryStore Store { get; }

    public IncidentStore Incidents { get; }

    public IndicatorReader Indicators { get; }

    public ChangeEventLog Changes { get; } = new();

    public LiveEvidenceReader Evidence { get; }

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public AnalysisEngine Engine() => new(Store, Indicators, Incidents, Options, Time, NullLogger<AnalysisEngine>.Instance);

    public IncidentRootCauses RootCauses(AnalysisEngine engine) => new(engine, Incidents, Evidence, Options, Time, NullLogger<IncidentRootCauses>.Instance);

    /// <summary>
    /// Stores one booking a second in [fromMs, toMs): the hotel call takes <paramref name="hotelMs"/> at the time, the
    /// frontend 10 ms of its own around it; <paramref name="instance"/> names the instance serving a service at a time.
    /// </summary>
    public async Task BookingsAsync(long fromMs, long toMs, Func<long, double> hotelMs, Func<string, long, string>? instance = null)
    {
        instance ??= (service, _) => service + "-1";
        var spans = new List<SpanData>();
        for (var t = fromMs; t < toMs; t += 1000)
        {
            var trace = new TraceId(0x5eed, ++_nextId);
            var root = new SpanId(++_nextId);
            var start = t * 1_000_000;
            var hotel = (long)(hotelMs(t) * 1_000_000);
            spans.Add(Span("frontend", instance("frontend", t), trace, root, default, "POST /book", start, start + hotel + 10_000_000));
            spans.Add(Span("hotel", instance("hotel", t), trace, new SpanId(++_nextId), root, "GET /hotels", start + 5_000_000, start + 5_000_000 + hotel));
        }

        using var pipeline = new IngestPipeline(Store, new CollectorMetrics(), Time, NullLogger<IngestPipeline>.Instance);
        var result = await pipeline.IngestAsync(new TraceBatch(spans), CancellationToken.None);
        result.Accepted.Should().Be(spans.Count);
    }

    /// <summary>
    /// Stores <paramref name="service"/>'s process CPU time counter every 10 s in [fromMs, toMs), growing by
    /// <paramref name="cores"/> seconds per second at the time.
    /// </summary>
    public async Task CpuAsync(string service, long fromMs, long toMs, Func<long, double> cores)
    {
        var key = new SeriesKey("dotnet_process_cpu_time_seconds_total", [new Label("service", service)]);
        var samples = new List<MetricSample>();
        var total = 0.0;
        for (var t = fromMs; t < toMs; t += 10_000)
        {
            total += cores(t) * 10;
            samples.Add(new MetricSample(key, t, total));
        }

        await IngestAsync(samples);
    }

    /// <summary>The thread-pool queue of one instance of <paramref name="service"/>, every 10 s.</summary>
    public async Task QueueAsync(string service, string instance, long fromMs, long toMs, Func<long, double> items)
    {
        var key = new SeriesKey("dotnet_thread_pool_queue_length", [new Label("instance", instance), new Label("service", service)]);
        var samples = new List<MetricSample>();
        for (var t = fromMs; t < toMs; t += 10_000)
        {
            samples.Add(new MetricSample(key, t, items(t)));
        }

        await IngestAsync(samples);
    }

    private async Task IngestAsync(List<MetricSample> samples)
    {
        using var pipeline = new IngestPipeline(Store, new CollectorMetrics(), Time, NullLogger<IngestPipeline>.Instance);
        var result = await pipeline.IngestAsync(new MetricBatch(samples, []), CancellationToken.None);
        result.Accepted.Should().Be(samples.Count);
    }

    /// <summary>An open incident of a hotel latency signal that started at <paramref name="signalStartMs"/> (and ended at <paramref name="signalEndMs"/>, if given), saved.</summary>
    public Incident OpenIncident(string id, long signalStartMs, long openedMs, long? signalEndMs = null)
    {
        var signal = new Signal { Key = new IndicatorKey("hotel", null, Indicator.LatencyP95), StartedMs = signalStartMs, EndedMs = signalEndMs, Baseline = 5, Peak = 200, Last = 200, Score = 0.9 };
        var incident = new Incident
        {
            Id = id,
            Status = IncidentStatus.Open,
            OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(openedMs),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(openedMs),
            Title = SignalText.Describe(signal),
            Services = ["hotel"],
            Signals = [IncidentSignal.From(signal)],
            Timeline = [new IncidentEvent(DateTimeOffset.FromUnixTimeMilliseconds(openedMs), "opened", SignalText.Describe(signal))],
        };
        Incidents.Save([incident]);
        return incident;
    }

    public void Dispose()
    {
        Store.Dispose();
        Incidents.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private SpanData Span(string service, string instance, TraceId trace, SpanId id, SpanId parent, string name, long start, long end)
    {
        if (!_resources.TryGetValue((service, instance), out var resource))
        {
            resource = new TelemetryResource([new KeyValue("service.name", AttributeValue.OfText(service)), new KeyValue("service.instance.id", AttributeValue.OfText(instance))]);
            _resources[(service, instance)] = resource;
        }

        return new SpanData
        {
            Resource = resource,
            Scope = new InstrumentationScope("test", null),
            TraceId = trace,
            SpanId = id,
            ParentSpanId = parent,
            Name = name,
            Kind = SpanKind.Server,
            StartUnixNano = start,
            EndUnixNano = end,
        };
    }
}
