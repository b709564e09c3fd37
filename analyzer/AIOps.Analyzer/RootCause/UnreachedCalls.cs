using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Calls to another service that failed without reaching a server (a failed client span with no child: connection
/// refused, the instances gone, a timeout before any answer), by the service called, incident against baseline: the
/// rise of their share of all calls to it over its binomial standard error, as <see cref="TraceDeviations"/> scores
/// own errors. The callee's evidence; the callers did nothing wrong. Pure.
/// </summary>
internal static class UnreachedCalls
{
    private const int MinCalls = 5;
    private const int Examples = 3;

    public static IReadOnlyList<UnreachedPeer> Compute(SpanTree baseline, SpanTree incident)
    {
        incident = SpanTree.Align(baseline, incident);
        var before = Count(baseline);
        var result = new List<UnreachedPeer>();
        foreach (var (peer, now) in Count(incident))
        {
            if (now.Calls < MinCalls || now.Failed == 0)
            {
                continue;
            }

            before.TryGetValue(peer, out var then);
            var baseRate = then is null || then.Calls == 0 ? 0 : (double)then.Failed / then.Calls;
            var rate = (double)now.Failed / now.Calls;
            var score = RateRise.Score(baseRate, rate, now.Calls);
            if (score > 0)
            {
                result.Add(new UnreachedPeer(peer, [.. now.Callers.Order(StringComparer.Ordinal)], baseRate, rate, score, [.. now.Examples]));
            }
        }

        return [.. result.OrderByDescending(r => r.Score).ThenBy(r => r.Peer, StringComparer.Ordinal)];
    }

    private static Dictionary<string, CallTally> Count(SpanTree tree)
    {
        var result = new Dictionary<string, CallTally>(StringComparer.Ordinal);
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            var span = tree.Spans[i];
            if (!span.CallsPeer)
            {
                continue;
            }

            if (!result.TryGetValue(span.Peer!, out var tally))
            {
                result[span.Peer!] = tally = new CallTally();
            }

            tally.Calls++;
            if (span.IsError && tree.Children(i).Length == 0)
            {
                tally.Failed++;
                tally.Callers.Add(span.Service);
                if (tally.Examples.Count < Examples && !tally.Examples.Contains(span.TraceId))
                {
                    tally.Examples.Add(span.TraceId);
                }
            }
        }

        return result;
    }
}
