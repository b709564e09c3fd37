using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Per operation, the incident window's spans against the baseline window's, on what each operation does itself:
/// self time (<see cref="SelfTimes"/>) and errors that start there (a failed span none of whose children failed).
/// A caller slowed or failed only by its callee keeps its self time and its own-error rate, so the deviation stays
/// with the callee. Latency: how far the incident's 90th percentile of self time lies above the baseline median, in
/// robust spreads (1.4826 MAD, at least 5 % of the median and 0.1 ms). Errors: the rise of the own-error rate over its
/// binomial standard error. A call to another service that failed without reaching a server (no child span) is
/// the peer's failure, not the caller's (<see cref="UnreachedCalls"/>). Pure.
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
        var names = new SpanNames();
        return Compute(new SpanTree(baseline, names), new SpanTree(incident, names));
    }

    internal static IReadOnlyList<OperationDeviation> Compute(SpanTree baseline, SpanTree incident)
    {
        incident = SpanTree.Align(baseline, incident);
        var names = baseline.Names;
        var before = Profile(baseline);
        var during = Profile(incident);
        var result = new List<OperationDeviation>();
        foreach (var (op, now) in during)
        {
            if (now.Count < MinSpans)
            {
                continue;
            }

            before.TryGetValue(op, out var then);
            List<double> thenSelf = then?.SelfMs ?? [];
            double[] nowSelf = [.. now.SelfMs.Order()];
            var (median, spread) = RobustLocation.Of(thenSelf, 0.05, 0.1);
            var p90 = Quantiles.Sorted(nowSelf, 0.9);
            var latency = thenSelf.Count >= MinSpans ? Math.Max(0, (p90 - median) / spread) : 0;

            var baseRate = then is null || then.Count == 0 ? 0 : (double)then.OwnErrors / then.Count;
            var rate = (double)now.OwnErrors / now.Count;
            var errors = RateRise.Score(baseRate, rate, now.Count);

            result.Add(new OperationDeviation(
                names.ServiceName(names.ServiceOf(op)), names.OperationName(op), then?.Count ?? 0, now.Count, median, p90, baseRate, rate, latency, errors,
                [.. now.Worst.OrderByDescending(w => w.Badness).Select(w => w.TraceId).Distinct().Take(Examples)]));
        }

        return [.. result.OrderByDescending(d => d.Score).ThenBy(d => d.Service, StringComparer.Ordinal).ThenBy(d => d.Operation, StringComparer.Ordinal)];
    }

    private static Dictionary<int, OperationProfile> Profile(SpanTree tree)
    {
        var profiles = new Dictionary<int, OperationProfile>();
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            var op = tree.Operation[i];
            if (!profiles.TryGetValue(op, out var profile))
            {
                profiles[op] = profile = new OperationProfile();
            }

            var span = tree.Spans[i];
            // A call that failed without reaching a server (no child span) failed at the peer, not here.
            var ownError = span.IsError && !(span.CallsPeer && tree.Children(i).Length == 0);
            if (ownError)
            {
                foreach (var child in tree.Children(i))
                {
                    ownError &= !tree.Spans[child].IsError;
                }
            }

            profile.Add(tree.SelfNanos[i] / NanosPerMs, ownError, span.TraceId, Examples);
        }

        return profiles;
    }
}
