using AIOps.Collector.Aggregation;
using AIOps.Collector.Model;
using AIOps.Collector.Query;

namespace AIOps.Collector.Storage;

/// <summary>
/// The embedded store: traces and logs in hourly SQLite partitions, metrics as compressed chunks, and
/// the live RED and dependency aggregates. Writes come from the ingest pipeline's writer threads;
/// everything here that is public is a query and safe from any thread.
/// </summary>
public sealed class TelemetryStore : IDisposable
{
    private readonly TimeProvider _time;

    public TelemetryStore(CollectorOptions options, TimeProvider time)
    {
        _time = time;
        Options = options;
        Traces = new TraceStore(Path.Combine(options.DataDirectory, "traces"), options.Durable);
        Logs = new LogStore(Path.Combine(options.DataDirectory, "logs"), options.Durable);
        Metrics = new MetricStore(Path.Combine(options.DataDirectory, "metrics"), options.Durable);
        RebuildAggregates();
    }

    public CollectorOptions Options { get; }

    public LiveAggregates Aggregates { get; } = new();

    internal TraceStore Traces { get; }

    internal LogStore Logs { get; }

    internal MetricStore Metrics { get; }

    internal long NowNanos => (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    public long SizeBytes(Signal signal) => signal switch
    {
        Signal.Traces => Traces.Partitions.SizeBytes(),
        Signal.Logs => Logs.Partitions.SizeBytes(),
        _ => Metrics.SizeBytes(),
    };

    public IReadOnlyList<SpanData> GetTrace(TraceId traceId) => Traces.GetTrace(traceId);

    public IReadOnlyList<TraceSummary> SearchTraces(TraceSearch search) => Traces.Search(search);

    /// <summary>
    /// Spans that started in [<paramref name="fromNanos"/>, <paramref name="toNanos"/>), each made into what
    /// <paramref name="project"/> returns; above <paramref name="maxSpans"/>, a sample of whole traces.
    /// </summary>
    public SpanSample<T> ReadSpans<T>(long fromNanos, long toNanos, int maxSpans, Func<SpanData, T> project) =>
        Traces.Range(fromNanos, toNanos, maxSpans, project);

    public IReadOnlyList<LogData> SearchLogs(LogSearch search) => Logs.Search(search);

    public IReadOnlyList<SeriesData> SelectSeries(string name, IReadOnlyList<LabelMatcher> matchers, long fromMs, long toMs) =>
        Metrics.Select(name, matchers, fromMs, toMs);

    public IReadOnlyCollection<string> MetricNames() => Metrics.Names();

    public MetricMetadata? MetricMetadata(string name) => Metrics.Metadata(name);

    /// <summary>RED windows overlapping [from, to): the last hour from memory, older ones from the partitions.</summary>
    public IReadOnlyList<RedWindow> Red(long fromNanos, long toNanos, string? service = null, string? operation = null)
    {
        var floor = MemoryFloor();
        var live = Aggregates.Red(Math.Max(fromNanos, floor), toNanos, service, operation);
        return fromNanos >= floor ? live : [.. Traces.Red(fromNanos, Math.Min(toNanos, floor), service, operation), .. live];
    }

    public IReadOnlyList<EdgeWindow> Edges(long fromNanos, long toNanos)
    {
        var floor = MemoryFloor();
        var live = Aggregates.Edges(Math.Max(fromNanos, floor), toNanos);
        return fromNanos >= floor ? live : [.. Traces.Edges(fromNanos, Math.Min(toNanos, floor)), .. live];
    }

    public void Dispose()
    {
        Traces.Dispose();
        Logs.Dispose();
        Metrics.Dispose();
    }

    /// <summary>After a restart: windows that were not persisted yet are recomputed from the stored spans.</summary>
    /// <summary>Windows from here on are in memory: the last hour, but not what was persisted before a restart.</summary>
    private long MemoryFloor() => Math.Max(LiveAggregates.MemoryFloor(NowNanos), Aggregates.MemoryStart);

    private void RebuildAggregates()
    {
        var now = NowNanos;
        var resume = Math.Max(LiveAggregates.MemoryFloor(now), (Traces.LatestPersistedWindow() ?? long.MinValue / 2) + LiveAggregates.WindowNanos);
        Aggregates.ResumeAfter(resume);
        foreach (var block in Traces.ReadSince(resume))
        {
            Aggregates.Add([.. block.Where(s => LiveAggregates.WindowOf(s.StartUnixNano) >= resume)], now);
        }
    }
}
