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
        var (beforeCalls, beforeSpans) = Calls(baseline);
        var (nowCalls, nowSpans) = Calls(incident);
        var result = new List<CallDrop>();
        foreach (var (edge, count) in beforeCalls)
        {
            var caller = (edge.Service, edge.Operation);
            if (!beforeSpans.TryGetValue(caller, out var spansBefore) || !nowSpans.TryGetValue(caller, out var spansNow)
                || spansBefore < MinSpans || spansNow < MinSpans)
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
                result.Add(new CallDrop(edge.Service, edge.Operation, edge.Callee, before, now, (before - now) / before));
            }
        }

        return [.. result.OrderByDescending(d => d.Drop)];
    }

    private static (Dictionary<(string Service, string Operation, string Callee), int> Calls, Dictionary<(string, string), int> Spans) Calls(SpanTree tree)
    {
        var calls = new Dictionary<(string, string, string), int>();
        var spans = new Dictionary<(string, string), int>();
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            var span = tree.Spans[i];
            var key = (span.Service, span.Operation);
            spans[key] = spans.GetValueOrDefault(key) + 1;
            if (tree.Parent[i] >= 0)
            {
                var parent = tree.Spans[tree.Parent[i]];
                var edge = (parent.Service, parent.Operation, span.Service + ":" + span.Operation);
                calls[edge] = calls.GetValueOrDefault(edge) + 1;
            }
        }

        return (calls, spans);
    }
}
