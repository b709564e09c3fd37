using AIOps.Collector.Aggregation;
using AIOps.Collector.Model;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Query;

/// <summary>The questions the analyzer and the dashboard ask, answered from the store and its live aggregates.</summary>
public sealed class TelemetryQueries(TelemetryStore store, TimeProvider time)
{
    /// <summary>How far back "current" RED looks.</summary>
    public static readonly TimeSpan CurrentWindow = TimeSpan.FromMinutes(5);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Every service seen in [from, to), with its RED over the last five minutes of that range.</summary>
    public IReadOnlyList<ServiceOverview> Services(long fromNanos, long toNanos) => Services(store.Red(fromNanos, toNanos), fromNanos, toNanos);

    /// <summary>
    /// The services of RED windows already read for [from, to) (<see cref="TelemetryStore.Red"/>), for a caller that
    /// also needs the windows: they are read once.
    /// </summary>
    public static IReadOnlyList<ServiceOverview> Services(IReadOnlyList<RedWindow> windows, long fromNanos, long toNanos)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var recentFrom = Math.Max(fromNanos, toNanos - (CurrentWindow.Ticks * 100));
        return [.. windows.GroupBy(w => w.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ServiceOverview(
            g.Key,
            RedSeries.Point([.. g.Where(w => w.WindowStartUnixNano >= LiveAggregates.WindowOf(recentFrom))], recentFrom, toNanos - recentFrom),
            [.. g.Select(w => w.Operation).Distinct().Order(StringComparer.Ordinal)]))];
    }

    public IReadOnlyList<RedPoint> Red(string service, string? operation, long fromNanos, long toNanos, long stepNanos) =>
        RedSeries.Build(store.Red(fromNanos, toNanos, service, operation), fromNanos, toNanos, stepNanos);

    public GraphView Graph(long fromNanos, long toNanos) => Graph(store.Red(fromNanos, toNanos), fromNanos, toNanos);

    /// <summary>The dependency graph, its nodes from RED windows already read for [from, to).</summary>
    public GraphView Graph(IReadOnlyList<RedWindow> windows, long fromNanos, long toNanos)
    {
        var seconds = (toNanos - fromNanos) / 1e9;
        var edges = store.Edges(fromNanos, toNanos)
            .GroupBy(e => (e.Caller, e.Callee))
            .Select(g =>
            {
                var histogram = new DurationHistogram();
                foreach (var e in g)
                {
                    histogram.Add(e.Histogram);
                }

                var calls = g.Sum(e => e.Count);
                return new GraphEdgeView(g.Key.Caller, g.Key.Callee, calls, Math.Round(calls / seconds, 4),
                    calls == 0 ? 0 : Math.Round((double)g.Sum(e => e.Errors) / calls, 5), calls == 0 ? null : Math.Round(histogram.Quantile(0.95), 3));
            })
            .OrderBy(e => e.Caller, StringComparer.Ordinal).ThenBy(e => e.Callee, StringComparer.Ordinal)
            .ToList();
        return new GraphView(Services(windows, fromNanos, toNanos), edges);
    }

    public IReadOnlyList<MetricResult> Metrics(MetricQuery query)
    {
        var name = query.Quantile is null ? query.Name : query.Name + "_bucket";
        var from = query.FromMs - Math.Max(query.WindowMs, query.LookbackMs);
        return MetricQueryEngine.Evaluate(query, store.SelectSeries(name, query.Matchers, from, query.ToMs));
    }

    public IReadOnlyCollection<string> MetricNames() => store.MetricNames();

    public IReadOnlyList<SpanView> Trace(TraceId traceId) => [.. store.GetTrace(traceId).Select(SpanView.From)];

    public IReadOnlyList<TraceSummary> SearchTraces(TraceSearch search) => store.SearchTraces(search);

    public IReadOnlyList<LogView> SearchLogs(LogSearch search) => [.. store.SearchLogs(search).Select(LogView.From)];
}
