using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// A TrainTicket case of the Nezha dataset as incident evidence, the way the live host gathers it:
/// <list type="bullet">
/// <item>baseline spans: the day's fault-free phase (<c>construct_data</c>);</item>
/// <item>incident spans: the case's trace files, from two minutes before the recorded injection time to three
/// minutes after (the files hold only the fault's minutes, and the recorded time can be a minute late);</item>
/// <item>metrics: each pod's resource usage (CPU and memory), from up to eight minutes before the injection (never
/// reaching back into the previous fault) to four minutes after.</item>
/// </list>
/// The traces carry no status codes. A request that ended in an unhandled exception shows as a child span of Spring's
/// error dispatch (<c>BasicErrorController.error</c>), so a span with such a child is taken as failed.
/// </summary>
public static class NezhaEvidence
{
    /// <summary>The metric columns read: resource usage. RED shows in the traces, and traffic volume moves with the load.</summary>
    public static readonly IReadOnlyList<string> ResourceMetrics = ["CpuUsageRate(%)", "MemoryUsageRate(%)"];

    private const string ErrorDispatch = "ErrorController.error";
    private static readonly TimeSpan s_before = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_after = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_metricsBefore = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan s_previousFault = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_metricsAfter = TimeSpan.FromMinutes(4);

    /// <summary>The dataset's cases as trials; each loads its evidence when run.</summary>
    public static IReadOnlyList<RcaTrial> Trials(NezhaDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. dataset.Cases.Select(c => new RcaTrial(c.Name, c.Fault, c.RootCause, () => Build(dataset, c)))];
    }

    /// <summary>The evidence of one case.</summary>
    public static IncidentEvidence Build(NezhaDataset dataset, NezhaCase @case)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(@case);
        var start = @case.AnomalyStartMs;
        var baseline = ToRca(dataset.FaultFreeSpans(@case));
        var incident = ToRca(dataset.Spans(@case, start - (long)s_before.TotalMilliseconds, start + (long)s_after.TotalMilliseconds));
        var metricsFrom = start - (long)s_metricsBefore.TotalMilliseconds;
        if (@case.PreviousStartMs is { } previous)
        {
            metricsFrom = Math.Min(Math.Max(metricsFrom, previous + (long)s_previousFault.TotalMilliseconds), start - 60_000);
        }

        var metrics = dataset.Metrics(@case, metricsFrom - 60_000, start + (long)s_metricsAfter.TotalMilliseconds)
            .Where(m => ResourceMetrics.Any(r => m.Name.EndsWith("_" + r, StringComparison.Ordinal)))
            .ToList();
        return new IncidentEvidence(start, baseline, incident, metrics, []);
    }

    /// <summary>Nezha spans as ranking spans, a span with an error-dispatch child marked failed.</summary>
    public static IReadOnlyList<RcaSpan> ToRca(IEnumerable<NezhaSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var all = spans as IReadOnlyCollection<NezhaSpan> ?? [.. spans];
        var failed = all
            .Where(s => s.ParentId is not null && s.Operation.EndsWith(ErrorDispatch, StringComparison.Ordinal))
            .Select(s => (s.TraceId, s.ParentId!))
            .ToHashSet();
        return [.. all.Select(s => new RcaSpan(s.TraceId, s.SpanId, s.ParentId, s.Service, s.Operation, s.StartUnixNano, s.EndUnixNano, failed.Contains((s.TraceId, s.SpanId))))];
    }
}
