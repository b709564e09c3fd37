namespace AIOps.Analyzer.RootCause;

/// <summary>
/// A span's self time: its duration less the time covered by its children (the union of their intervals, clipped
/// to its own, so that parallel calls count once and a child outliving its parent counts only while the parent
/// lasts). A caller that waits on a slow callee has a long duration but an unchanged self time, which is how
/// ranking avoids blaming every service up the call chain. Pure.
/// </summary>
public static class SelfTimes
{
    /// <summary>Self time in nanoseconds of every span of <paramref name="spans"/>, by (trace id, span id).</summary>
    public static Dictionary<(string TraceId, string SpanId), long> Compute(IEnumerable<RcaSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var all = spans as IReadOnlyCollection<RcaSpan> ?? [.. spans];
        var children = new Dictionary<(string, string), List<RcaSpan>>();
        foreach (var span in all)
        {
            if (span.ParentId is { } parent)
            {
                var key = (span.TraceId, parent);
                if (!children.TryGetValue(key, out var list))
                {
                    children[key] = list = [];
                }

                list.Add(span);
            }
        }

        var result = new Dictionary<(string, string), long>(all.Count);
        foreach (var span in all)
        {
            var key = (span.TraceId, span.SpanId);
            result[key] = children.TryGetValue(key, out var list) ? span.DurationNanos - Covered(span, list) : span.DurationNanos;
        }

        return result;
    }

    // The length of the union of the children's intervals within the parent's.
    private static long Covered(RcaSpan parent, List<RcaSpan> children)
    {
        var intervals = children
            .Select(c => (Start: Math.Max(c.StartNanos, parent.StartNanos), End: Math.Min(c.EndNanos, parent.EndNanos)))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start)
            .ToList();
        long covered = 0;
        long reach = long.MinValue;
        foreach (var (start, end) in intervals)
        {
            if (end <= reach)
            {
                continue;
            }

            covered += end - Math.Max(start, reach);
            reach = end;
        }

        return covered;
    }
}
