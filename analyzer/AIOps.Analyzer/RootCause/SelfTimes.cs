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
        var tree = new SpanTree(spans as IReadOnlyCollection<RcaSpan> ?? [.. spans]);
        var result = new Dictionary<(string, string), long>(tree.Spans.Count);
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            result[(tree.Spans[i].TraceId, tree.Spans[i].SpanId)] = tree.SelfNanos[i];
        }

        return result;
    }
}
