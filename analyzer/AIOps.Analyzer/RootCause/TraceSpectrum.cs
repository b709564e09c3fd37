using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Spectrum-based fault localisation over traces (the MicroRank family): each trace of the incident window is judged
/// normal or abnormal against the baseline's traces of the same entry operation, and each service is scored by how
/// much more often abnormal traces pass through it than normal ones (Ochiai). A trace is abnormal when a span of it
/// failed, when it lacks an operation that at least nine in ten baseline traces of its entry had (it returned or
/// failed early), or when it took longer than 1.2 times the baseline's 99th percentile plus 5 ms. Entries with fewer
/// than three baseline traces are not judged. Pure.
/// </summary>
internal static class TraceSpectrum
{
    private const int MinTraces = 3;
    private const double Expected = 0.9;
    private const int Examples = 3;

    public static IReadOnlyList<SpectrumScore> Compute(SpanTree baseline, SpanTree incident)
    {
        var norms = new Dictionary<(string, string), (HashSet<(string, string)> Expected, double SlowMs)>();
        foreach (var group in Traces(baseline).GroupBy(t => t.Entry))
        {
            var traces = group.ToList();
            if (traces.Count < MinTraces)
            {
                continue;
            }

            var seen = new Dictionary<(string, string), int>();
            foreach (var key in traces.SelectMany(t => t.Operations))
            {
                seen[key] = seen.GetValueOrDefault(key) + 1;
            }

            double[] durations = [.. traces.Select(t => t.DurationMs).Order()];
            norms[group.Key] = (
                [.. seen.Where(kv => kv.Value >= Expected * traces.Count).Select(kv => kv.Key)],
                (1.2 * Quantiles.Sorted(durations, 0.99)) + 5);
        }

        var abnormalThrough = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var normalThrough = new Dictionary<string, int>(StringComparer.Ordinal);
        var abnormal = 0;
        foreach (var trace in Traces(incident))
        {
            if (!norms.TryGetValue(trace.Entry, out var norm))
            {
                continue;
            }

            var isAbnormal = trace.Failed || trace.DurationMs > norm.SlowMs || norm.Expected.Any(k => !trace.Operations.Contains(k));
            abnormal += isAbnormal ? 1 : 0;
            foreach (var service in trace.Services)
            {
                if (isAbnormal)
                {
                    if (!abnormalThrough.TryGetValue(service, out var list))
                    {
                        abnormalThrough[service] = list = [];
                    }

                    list.Add(trace.TraceId);
                }
                else
                {
                    normalThrough[service] = normalThrough.GetValueOrDefault(service) + 1;
                }
            }
        }

        return [.. abnormalThrough
            .Select(pair =>
            {
                var through = pair.Value.Count;
                var normal = normalThrough.GetValueOrDefault(pair.Key);
                return new SpectrumScore(pair.Key, through, normal, abnormal, through / Math.Sqrt(abnormal * (double)(through + normal)), [.. pair.Value.Take(Examples)]);
            })
            .OrderByDescending(s => s.Ochiai)
            .ThenBy(s => s.Service, StringComparer.Ordinal)];
    }

    private static IEnumerable<TraceShape> Traces(SpanTree tree)
    {
        var byTrace = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tree.Spans.Count; i++)
        {
            var id = tree.Spans[i].TraceId;
            if (!byTrace.TryGetValue(id, out var list))
            {
                byTrace[id] = list = [];
            }

            list.Add(i);
        }

        foreach (var (traceId, members) in byTrace)
        {
            var roots = members.Where(i => tree.Parent[i] < 0).ToList();
            if (roots.Count == 0)
            {
                // Every span names a parent in the trace (a span its own parent, a cycle): malformed, with no entry.
                continue;
            }

            var entry = roots.MinBy(i => tree.Spans[i].StartNanos);
            var spans = members.Select(i => tree.Spans[i]).ToList();
            yield return new TraceShape(
                traceId,
                (tree.Spans[entry].Service, tree.Spans[entry].Operation),
                [.. spans.Select(s => (s.Service, s.Operation))],
                [.. spans.Select(s => s.Service)],
                spans.Any(s => s.IsError),
                (spans.Max(s => s.EndNanos) - spans.Min(s => s.StartNanos)) / 1e6);
        }
    }
}
