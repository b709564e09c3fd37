namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Who calls whom, from the recent dependency edges. Two services are linked when one reaches the other along
/// calls (directly or through others): a fault travels up a call chain, not across to a sibling. Pure.
/// </summary>
public sealed class CallGraph
{
    private readonly Dictionary<string, HashSet<string>> _reach = new(StringComparer.Ordinal);

    public CallGraph(IEnumerable<(string Caller, string Callee)> edges)
    {
        var callees = edges.Where(e => e.Caller != e.Callee).GroupBy(e => e.Caller).ToDictionary(g => g.Key, g => g.Select(e => e.Callee).ToHashSet(), StringComparer.Ordinal);
        foreach (var start in callees.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(callees[start]);
            while (pending.TryPop(out var next))
            {
                if (seen.Add(next) && callees.TryGetValue(next, out var further))
                {
                    foreach (var callee in further)
                    {
                        pending.Push(callee);
                    }
                }
            }

            _reach[start] = seen;
        }
    }

    public bool Linked(string a, string b) => Reaches(a, b) || Reaches(b, a);

    private bool Reaches(string from, string to) => _reach.TryGetValue(from, out var reach) && reach.Contains(to);
}
