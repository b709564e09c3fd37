using System.Text.Json;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Collector.Aggregation;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Reads the indicators of every service (and busy operation) for a range of 10-second windows: request rate,
/// error rate and p95/p99 latency from the live RED aggregates, CPU, memory and thread-pool queue from the runtime
/// metrics the services export. A service seen before that served nothing in a window gets a rate of 0: silence is
/// a symptom too.
/// </summary>
public sealed class IndicatorReader(TelemetryStore store, TelemetryQueries queries, AnalysisOptions options)
{
    /// <summary>The analysis step: indicators are read in windows of this length, in milliseconds.</summary>
    public const long StepMs = 10_000;

    /// <summary>The thread-pool queue's noise, in work items: short bursts queue this many and drain within a window.</summary>
    public const double QueueNoiseItems = 5;

    private readonly HashSet<string> _knownServices = new(StringComparer.Ordinal);

    /// <summary>
    /// The smallest spread a root-cause baseline of <paramref name="indicator"/> is given, in its unit: the queue idles at
    /// zero, where a relative spread would make one queued item against none an unbounded change.
    /// </summary>
    public static double ScaleFloor(Indicator indicator) => indicator == Indicator.ThreadPoolQueue ? QueueNoiseItems : 0;

    /// <summary>Samples for the windows starting in [fromMs, toMs), ordered by time. The analysis' reader: one caller at a time.</summary>
    public IReadOnlyList<IndicatorSample> Read(long fromMs, long toMs) => Read(fromMs, toMs, _knownServices, options.Operations);

    /// <summary>
    /// The services' samples only (no operations) for the windows starting in [fromMs, toMs), ordered by time. Safe
    /// beside <see cref="Read(long, long)"/>: a service counts as known (rate 0 when silent) if it served in the range.
    /// </summary>
    public IReadOnlyList<IndicatorSample> ReadServices(long fromMs, long toMs) => Read(fromMs, toMs, new HashSet<string>(StringComparer.Ordinal), operations: false);

    private List<IndicatorSample> Read(long fromMs, long toMs, HashSet<string> knownServices, bool operations)
    {
        var samples = new List<IndicatorSample>();
        var windows = store.Red(fromMs * 1_000_000, toMs * 1_000_000);
        foreach (var step in windows.GroupBy(w => w.WindowStartUnixNano / 1_000_000).OrderBy(g => g.Key))
        {
            foreach (var service in step.GroupBy(w => w.Service))
            {
                knownServices.Add(service.Key);
                AddRed(samples, service.Key, null, [.. service], step.Key);
                if (operations && service.Select(w => w.Operation).Distinct().Count() > 1)
                {
                    foreach (var operation in service.Where(w => w.Count >= options.MinRequests))
                    {
                        AddRed(samples, service.Key, operation.Operation, [operation], step.Key);
                    }
                }
            }
        }

        AddSilence(samples, windows, knownServices, fromMs, toMs);
        AddRuntime(samples, fromMs, toMs);
        samples.Sort((a, b) => a.TimeMs.CompareTo(b.TimeMs));
        return samples;
    }

    private void AddRed(List<IndicatorSample> samples, string service, string? operation, IReadOnlyList<RedWindow> windows, long timeMs)
    {
        var point = RedSeries.Point(windows, timeMs * 1_000_000, LiveAggregates.WindowNanos);
        samples.Add(new IndicatorSample(new IndicatorKey(service, operation, Indicator.RequestRate), timeMs, point.Rate));
        if (point.Requests < options.MinRequests)
        {
            return;
        }

        samples.Add(new IndicatorSample(new IndicatorKey(service, operation, Indicator.ErrorRate), timeMs, point.ErrorRate));
        if (point.P95Ms is { } p95)
        {
            samples.Add(new IndicatorSample(new IndicatorKey(service, operation, Indicator.LatencyP95), timeMs, p95));
        }

        if (point.P99Ms is { } p99 && point.Requests >= options.MinRequestsP99)
        {
            samples.Add(new IndicatorSample(new IndicatorKey(service, operation, Indicator.LatencyP99), timeMs, p99));
        }
    }

    private static void AddSilence(List<IndicatorSample> samples, IReadOnlyList<RedWindow> windows, HashSet<string> knownServices, long fromMs, long toMs)
    {
        var served = windows.Select(w => (w.Service, w.WindowStartUnixNano / 1_000_000)).ToHashSet();
        for (var t = fromMs - (fromMs % StepMs); t < toMs; t += StepMs)
        {
            foreach (var service in knownServices.Where(s => !served.Contains((s, t))))
            {
                samples.Add(new IndicatorSample(new IndicatorKey(service, null, Indicator.RequestRate), t, 0));
            }
        }
    }

    private void AddRuntime(List<IndicatorSample> samples, long fromMs, long toMs)
    {
        foreach (var (indicator, query) in RuntimeQueries(["service"]))
        {
            Add(samples, indicator, query, fromMs, toMs);
        }
    }

    /// <summary>
    /// CPU, memory and thread-pool queue of each instance (label <c>instance</c>, the service.instance.id), at the
    /// analysis' step over [fromMs, toMs): what tells which replica of a service a resource fault is in.
    /// </summary>
    public IReadOnlyList<MetricSeries> ReadInstanceResources(long fromMs, long toMs)
    {
        var all = new List<MetricSeries>();
        foreach (var (indicator, query) in RuntimeQueries(["service", "instance"]))
        {
            foreach (var series in queries.Metrics(query with { FromMs = fromMs + StepMs, ToMs = toMs, StepMs = StepMs, LookbackMs = 30_000 }))
            {
                if (series.Labels.TryGetValue("service", out var service) && series.Labels.TryGetValue("instance", out var instance) && instance.Length > 0)
                {
                    all.Add(new MetricSeries(service, JsonNamingPolicy.SnakeCaseLower.ConvertName(indicator.ToString()),
                        [.. series.Points.Where(p => double.IsFinite(p[1])).Select(p => new MetricPoint(((long)Math.Round(p[0] * 1000)) - StepMs, p[1]))], instance, ScaleFloor(indicator)));
                }
            }
        }

        return all;
    }

    private IEnumerable<(Indicator Indicator, MetricQuery Query)> RuntimeQueries(IReadOnlyList<string> by)
    {
        yield return (Indicator.Cpu, new MetricQuery { Name = "dotnet_process_cpu_time_seconds_total", Function = "rate", WindowMs = 30_000, Aggregation = "sum", By = by });
        yield return (Indicator.Memory, new MetricQuery { Name = "dotnet_process_memory_working_set_bytes", Aggregation = "max", By = by });

        // .NET reports the queue length as an observable counter, so it arrives named as one.
        var queue = queries.MetricNames().Contains("dotnet_thread_pool_queue_length") ? "dotnet_thread_pool_queue_length" : "dotnet_thread_pool_queue_length_total";
        yield return (Indicator.ThreadPoolQueue, new MetricQuery { Name = queue, Aggregation = "max", By = by });
    }

    private void Add(List<IndicatorSample> samples, Indicator indicator, MetricQuery query, long fromMs, long toMs)
    {
        // A window's value is the instant at its end, so a window is read once it is over.
        var results = queries.Metrics(query with { FromMs = fromMs + StepMs, ToMs = toMs, StepMs = StepMs, LookbackMs = 30_000 });
        foreach (var series in results)
        {
            if (!series.Labels.TryGetValue("service", out var service))
            {
                continue;
            }

            foreach (var point in series.Points)
            {
                var windowMs = ((long)Math.Round(point[0] * 1000)) - StepMs;
                if (windowMs >= fromMs && windowMs < toMs && double.IsFinite(point[1]))
                {
                    samples.Add(new IndicatorSample(new IndicatorKey(service, null, indicator), windowMs - (windowMs % StepMs), point[1]));
                }
            }
        }
    }
}
