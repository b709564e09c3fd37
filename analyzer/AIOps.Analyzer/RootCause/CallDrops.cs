namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Per calling operation and callee, how many calls each span of the operation made, incident against baseline. A
/// service that throws or returns early stops making the calls that followed, and its callers' calls do not change,
/// so a drop is evidence against the service that stopped calling. Only operations seen at least ten times in both
/// windows and calls made by at least a fifth of their spans count. Pure.
/// </summary>
internal static class CallDrops
{
    private const int MinSpans = 10;
    private const double MinRate = 0.2;

    public static IReadOnlyList<CallDrop> Compute(SpanTree baseline, SpanTree incident)
    {
        incident = SpanTree.Align(baseline, incident);
        var names = baseline.Names;
        var (beforeCalls, beforeSpans) = Calls(baseline);
        var (nowCalls, nowSpans) = Calls(incident);
        var result = new List<CallDrop>();
        foreach (var (edge, count) in beforeCalls)
        {
            var caller = (int)(edge >> 32);
            var callee = (int)(edge & 0xffffffff);
            var spansBefore = beforeSpans.GetValueOrDefault(caller);
            var spansNow = nowSpans.GetValueOrDefault(caller);
            if (spansBefore < MinSpans || spansNow < MinSpans)
            {
                continue;
            }

            var before = count / (double)spansBefore;
            if (before < MinRate)
            {
                continue;
            }

            var now = nowCalls.GetValueOrDefault(edge) / (double)spansNow;
            if (now < before)
            {
                result.Add(new CallDrop(
                    names.ServiceName(names.ServiceOf(caller)),
                    names.OperationName(caller),
                    names.ServiceName(names.ServiceOf(callee)) + ":" + names.OperationName(callee),
                    before,
                    now,
                    (before - now) / before));
            }
        }

        return [.. result.OrderByDescending(d => d.Drop).ThenBy(d => d.Service, StringComparer.Ordinal).ThenBy(d => d.Operation, StringComparer.Ordinal).ThenBy(d => d.Callee, StringComparer.Ordinal)];
    }

    // Calls by (caller operation << 32 | callee operation), and spans by operation.
    private static (Dictionary<long, int> Calls, Dictionary<int, int> Spans) Calls(SpanTree tree)
    {
        var calls = new Dictionary<long, int>();
        var spans = new Dictionary<int, int>();
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            spans[tree.Operation[i]] = spans.GetValueOrDefault(tree.Operation[i]) + 1;
            if (tree.Parent[i] >= 0)
            {
                var edge = ((long)tree.Operation[tree.Parent[i]] << 32) | (uint)tree.Operation[i];
                calls[edge] = calls.GetValueOrDefault(edge) + 1;
            }
        }

        return (calls, spans);
    }
}
