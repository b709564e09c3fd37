using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Per call edge between two services, the gap between the caller's span and the callee's (the network and the
/// callee's accept queue), incident against baseline. A delay on one service's network shows on every edge into it,
/// while its callers' own work is unchanged, so the rise is the callee's evidence. Pure.
/// </summary>
internal static class NetworkGaps
{
    private const int MinCalls = 5;
    private const int Examples = 3;

    public static IReadOnlyList<EdgeGap> Compute(SpanTree baseline, SpanTree incident)
    {
        incident = SpanTree.Align(baseline, incident);
        var names = baseline.Names;
        var before = Gaps(baseline);
        var result = new List<EdgeGap>();
        foreach (var (edge, now) in Gaps(incident))
        {
            if (now.Count < MinCalls || !before.TryGetValue(edge, out var then) || then.Count < MinCalls)
            {
                continue;
            }

            var (median, spread) = RobustLocation.Of(then.Select(g => g.Ms), 0.05, 0.1);
            var (nowMedian, _) = RobustLocation.Of(now.Select(g => g.Ms), 0, 0);
            result.Add(new EdgeGap(
                names.ServiceName((int)(edge >> 32)),
                names.ServiceName((int)(edge & 0xffffffff)),
                median,
                nowMedian,
                Math.Max(0, (nowMedian - median) / spread),
                [.. now.OrderByDescending(g => g.Ms).Select(g => incident.Spans[g.Span].TraceId).Distinct().Take(Examples)]));
        }

        return [.. result.OrderByDescending(g => g.Score).ThenBy(g => g.Callee, StringComparer.Ordinal).ThenBy(g => g.Caller, StringComparer.Ordinal)];
    }

    // Gaps by (caller service << 32 | callee service).
    private static Dictionary<long, List<(double Ms, int Span)>> Gaps(SpanTree tree)
    {
        var result = new Dictionary<long, List<(double, int)>>();
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            if (!tree.CalledAcross(i))
            {
                continue;
            }

            var parent = tree.Parent[i];
            var key = ((long)tree.Service[parent] << 32) | (uint)tree.Service[i];
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(((tree.Spans[parent].DurationNanos - tree.Spans[i].DurationNanos) / 1e6, i));
        }

        return result;
    }
}
