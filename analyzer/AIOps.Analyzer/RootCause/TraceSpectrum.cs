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
        incident = SpanTree.Align(baseline, incident);
        var names = baseline.Names;
        var norms = Norms(baseline);
        var opSeen = new int[names.OperationCount];
        var serviceSeen = new int[names.ServiceCount];
        var abnormalThrough = new int[names.ServiceCount];
        var normalThrough = new int[names.ServiceCount];
        var examples = new List<int>[names.ServiceCount];
        var abnormal = 0;
        for (var t = 0; t < incident.TraceCount; t++)
        {
            var (entry, durationMs, failed) = Shape(incident, t);
            if (entry < 0 || !norms.TryGetValue(entry, out var norm))
            {
                continue;
            }

            var stamp = t + 1;
            for (var k = incident.TraceStart[t]; k < incident.TraceStart[t + 1]; k++)
            {
                opSeen[incident.Operation[incident.ByTrace[k]]] = stamp;
            }

            var isAbnormal = failed || durationMs > norm.SlowMs || norm.Expected.Any(op => opSeen[op] != stamp);
            abnormal += isAbnormal ? 1 : 0;
            for (var k = incident.TraceStart[t]; k < incident.TraceStart[t + 1]; k++)
            {
                var service = incident.Service[incident.ByTrace[k]];
                if (serviceSeen[service] == stamp)
                {
                    continue;
                }

                serviceSeen[service] = stamp;
                if (isAbnormal)
                {
                    abnormalThrough[service]++;
                    examples[service] ??= [];
                    if (examples[service].Count < Examples)
                    {
                        examples[service].Add(incident.ByTrace[k]);
                    }
                }
                else
                {
                    normalThrough[service]++;
                }
            }
        }

        return [.. Enumerable.Range(0, names.ServiceCount)
            .Where(s => abnormalThrough[s] > 0)
            .Select(s => new SpectrumScore(
                names.ServiceName(s),
                abnormalThrough[s],
                normalThrough[s],
                abnormal,
                abnormalThrough[s] / Math.Sqrt(abnormal * (double)(abnormalThrough[s] + normalThrough[s])),
                [.. examples[s]!.Select(i => incident.Spans[i].TraceId)]))
            .OrderByDescending(s => s.Ochiai)
            .ThenBy(s => s.Service, StringComparer.Ordinal)];
    }

    // Per entry operation of the baseline: the operations nine in ten of its traces ran, and the slow limit.
    private static Dictionary<int, (int[] Expected, double SlowMs)> Norms(SpanTree baseline)
    {
        var traces = new Dictionary<int, List<(int Trace, double DurationMs)>>();
        for (var t = 0; t < baseline.TraceCount; t++)
        {
            var (entry, durationMs, _) = Shape(baseline, t);
            if (entry < 0)
            {
                continue;
            }

            if (!traces.TryGetValue(entry, out var list))
            {
                traces[entry] = list = [];
            }

            list.Add((t, durationMs));
        }

        var seen = new int[baseline.Names.OperationCount];
        var stamp = 0;
        var norms = new Dictionary<int, (int[], double)>();
        foreach (var (entry, members) in traces)
        {
            if (members.Count < MinTraces)
            {
                continue;
            }

            var counts = new Dictionary<int, int>();
            var durations = new double[members.Count];
            for (var m = 0; m < members.Count; m++)
            {
                var t = members[m].Trace;
                stamp++;
                for (var k = baseline.TraceStart[t]; k < baseline.TraceStart[t + 1]; k++)
                {
                    var op = baseline.Operation[baseline.ByTrace[k]];
                    if (seen[op] != stamp)
                    {
                        seen[op] = stamp;
                        counts[op] = counts.GetValueOrDefault(op) + 1;
                    }
                }

                durations[m] = members[m].DurationMs;
            }

            Array.Sort(durations);
            norms[entry] = (
                [.. counts.Where(kv => kv.Value >= Expected * members.Count).Select(kv => kv.Key)],
                (1.2 * Quantiles.Sorted(durations, 0.99)) + 5);
        }

        return norms;
    }

    // A trace's entry operation (its earliest root span's; -1 when it has none), duration and whether a span failed.
    private static (int Entry, double DurationMs, bool Failed) Shape(SpanTree tree, int trace)
    {
        var entry = -1;
        var entryStart = long.MaxValue;
        var first = long.MaxValue;
        var last = long.MinValue;
        var failed = false;
        for (var k = tree.TraceStart[trace]; k < tree.TraceStart[trace + 1]; k++)
        {
            var i = tree.ByTrace[k];
            var span = tree.Spans[i];
            first = Math.Min(first, span.StartNanos);
            last = Math.Max(last, span.EndNanos);
            failed |= span.IsError;
            if (tree.Parent[i] < 0 && span.StartNanos < entryStart)
            {
                entry = tree.Operation[i];
                entryStart = span.StartNanos;
            }
        }

        return (entry, (last - first) / 1e6, failed);
    }
}
