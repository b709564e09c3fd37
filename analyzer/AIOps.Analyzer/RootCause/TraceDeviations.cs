using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Per operation, the incident window's spans against the baseline window's, on what each operation does itself:
/// self time (<see cref="SelfTimes"/>) and errors that start there (a failed span none of whose children failed).
/// A caller slowed or failed only by its callee keeps its self time and its own-error rate, so the deviation stays
/// with the callee. Latency: how far the incident's 90th percentile of self time lies above the baseline median, in
/// robust spreads (1.4826 MAD, at least 5 % of the median and 0.1 ms). Errors: the rise of the own-error rate over its
/// binomial standard error. Pure.
/// </summary>
public static class TraceDeviations
{
    private const double NanosPerMs = 1e6;
    private const int MinSpans = 5;
    private const int Examples = 3;

    /// <summary>Operations with at least five spans in the incident window, most deviant first.</summary>
    public static IReadOnlyList<OperationDeviation> Compute(IReadOnlyCollection<RcaSpan> baseline, IReadOnlyCollection<RcaSpan> incident)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(incident);
        var before = Profile(baseline);
        var during = Profile(incident);
        var result = new List<OperationDeviation>();
        foreach (var (key, now) in during)
        {
            if (now.Count < MinSpans)
            {
                continue;
            }

            before.TryGetValue(key, out var then);
            List<double> thenSelf = then?.SelfMs ?? [];
            var nowSelf = now.SelfMs.Order().ToArray();
            var (median, spread) = RobustLocation.Of(thenSelf, 0.05, 0.1);
            var p90 = Quantiles.Sorted(nowSelf, 0.9);
            var latency = thenSelf.Count >= MinSpans ? Math.Max(0, (p90 - median) / spread) : 0;

            var baseRate = then is null || then.Count == 0 ? 0 : (double)then.OwnErrors / then.Count;
            var rate = (double)now.OwnErrors / now.Count;
            var standardError = Math.Sqrt(Math.Max(baseRate * (1 - baseRate), 0.01 * 0.99) / now.Count);
            var errors = Math.Max(0, (rate - baseRate) / standardError);

            result.Add(new OperationDeviation(
                key.Service, key.Operation, then?.Count ?? 0, now.Count, median, p90, baseRate, rate, latency, errors,
                [.. now.Worst.OrderByDescending(w => w.Badness).Select(w => w.TraceId).Distinct().Take(Examples)]));
        }

        return [.. result.OrderByDescending(d => d.Score)];
    }

    private static Dictionary<(string Service, string Operation), OperationProfile> Profile(IReadOnlyCollection<RcaSpan> spans)
    {
        var self = SelfTimes.Compute(spans);
        var failedChildren = spans.Where(s => s.IsError && s.ParentId is not null).Select(s => (s.TraceId, s.ParentId!)).ToHashSet();
        var profiles = new Dictionary<(string, string), OperationProfile>();
        foreach (var span in spans)
        {
            var key = (span.Service, span.Operation);
            if (!profiles.TryGetValue(key, out var profile))
            {
                profiles[key] = profile = new OperationProfile();
            }

            var selfMs = self[(span.TraceId, span.SpanId)] / NanosPerMs;
            var ownError = span.IsError && !failedChildren.Contains((span.TraceId, span.SpanId));
            profile.Add(selfMs, ownError, span.TraceId, Examples);
        }

        return profiles;
    }
}
