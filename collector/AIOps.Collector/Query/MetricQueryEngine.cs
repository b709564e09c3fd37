using AIOps.Collector.Storage;

namespace AIOps.Collector.Query;

/// <summary>
/// Evaluates <see cref="MetricQuery"/> over selected series. Pure: series in, result series out.
/// Rates handle counter resets; quantiles interpolate linearly inside the bucket, as Prometheus's
/// histogram_quantile does.
/// </summary>
public static class MetricQueryEngine
{
    public static IReadOnlyList<MetricResult> Evaluate(MetricQuery query, IReadOnlyList<SeriesData> series)
    {
        var steps = new List<long>();
        for (var t = query.FromMs; t <= query.ToMs && steps.Count < 11_000; t += query.StepMs)
        {
            steps.Add(t);
        }

        // Per input series, its value at every step (NaN where it has none).
        var evaluated = series.Select(s => (s.Series, Values: steps.Select(t => ValueAt(s.Samples, t, query)).ToArray())).ToList();
        if (query.Quantile is { } q)
        {
            return Quantiles(evaluated, steps, q, query.By);
        }

        if (query.Aggregation == "none")
        {
            return [.. evaluated.Select(e => new MetricResult(LabelsOf(e.Series, null), Points(steps, e.Values))).Where(r => r.Points.Count > 0)];
        }

        return [.. evaluated.GroupBy(e => GroupKey(e.Series, query.By))
            .Select(g => new MetricResult(LabelsOf(g.First().Series, query.By), Points(steps, Aggregate(g.Select(e => e.Values).ToList(), steps.Count, query.Aggregation))))
            .Where(r => r.Points.Count > 0)];
    }

    private static double ValueAt(IReadOnlyList<(long T, double V)> samples, long t, MetricQuery query)
    {
        if (query.Function is "rate" or "increase")
        {
            var from = t - query.WindowMs;
            double increase = 0;
            long first = -1, last = -1;
            double previous = double.NaN;
            foreach (var (st, sv) in samples)
            {
                if (st <= from || st > t)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = st;
                }
                else
                {
                    increase += sv >= previous ? sv - previous : sv;
                }

                previous = sv;
                last = st;
            }

            if (first < 0 || last == first)
            {
                return double.NaN;
            }

            return query.Function == "rate" ? increase / ((last - first) / 1000.0) : increase * query.WindowMs / (last - first);
        }

        var value = double.NaN;
        foreach (var (st, sv) in samples)
        {
            if (st > t)
            {
                break;
            }

            if (st > t - query.LookbackMs)
            {
                value = sv;
            }
        }

        return value;
    }

    private static double[] Aggregate(List<double[]> values, int steps, string aggregation)
    {
        var result = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var present = values.Select(v => v[i]).Where(v => !double.IsNaN(v)).ToList();
            result[i] = present.Count == 0 ? double.NaN : aggregation switch
            {
                "sum" => present.Sum(),
                "avg" => present.Average(),
                "max" => present.Max(),
                "min" => present.Min(),
                "count" => present.Count,
                _ => throw new ArgumentException($"aggregation must be none, sum, avg, max, min or count, not '{aggregation}'", nameof(aggregation)),
            };
        }

        return result;
    }

    private static List<MetricResult> Quantiles(List<(Model.SeriesKey Series, double[] Values)> buckets, List<long> steps, double q, IReadOnlyList<string> by)
    {
        var results = new List<MetricResult>();
        foreach (var group in buckets.GroupBy(b => GroupKey(b.Series, by)))
        {
            var byBound = group
                .Select(b => (Bound: ParseBound(b.Series["le"]), b.Values))
                .Where(b => !double.IsNaN(b.Bound))
                .GroupBy(b => b.Bound)
                .Select(g => (Bound: g.Key, Values: Aggregate([.. g.Select(x => x.Values)], steps.Count, "sum")))
                .OrderBy(b => b.Bound)
                .ToList();
            var points = new double[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                points[i] = BucketQuantile(q, byBound.Select(b => (b.Bound, b.Values[i])).ToList());
            }

            results.Add(new MetricResult(LabelsOf(group.First().Series, by), Points(steps, points)));
        }

        return [.. results.Where(r => r.Points.Count > 0)];
    }

    /// <summary>The q-quantile of cumulative buckets (upper bound, count), interpolated within the bucket.</summary>
    internal static double BucketQuantile(double q, List<(double Bound, double Count)> buckets)
    {
        if (buckets.Count < 2 || double.IsNaN(buckets[^1].Count) || buckets[^1].Count <= 0)
        {
            return double.NaN;
        }

        var total = buckets[^1].Count;
        var rank = q * total;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i].Count >= rank)
            {
                if (double.IsPositiveInfinity(buckets[i].Bound))
                {
                    return buckets[i - 1].Bound;
                }

                var lowerBound = i == 0 ? 0 : buckets[i - 1].Bound;
                var lowerCount = i == 0 ? 0 : buckets[i - 1].Count;
                var inBucket = buckets[i].Count - lowerCount;
                return inBucket <= 0 ? buckets[i].Bound : lowerBound + ((buckets[i].Bound - lowerBound) * (rank - lowerCount) / inBucket);
            }
        }

        return buckets[^1].Bound;
    }

    private static double ParseBound(string? le) =>
        le == "+Inf" ? double.PositiveInfinity
        : double.TryParse(le, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : double.NaN;

    private static string GroupKey(Model.SeriesKey series, IReadOnlyList<string> by) =>
        string.Join('\u0001', by.Select(l => series[l] ?? string.Empty));

    private static Dictionary<string, string> LabelsOf(Model.SeriesKey series, IReadOnlyList<string>? by)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (by is null)
        {
            labels["__name__"] = series.Name;
            foreach (var label in series.Labels)
            {
                labels[label.Name] = label.Value;
            }
        }
        else
        {
            foreach (var name in by)
            {
                labels[name] = series[name] ?? string.Empty;
            }
        }

        return labels;
    }

    private static List<double[]> Points(List<long> steps, double[] values) =>
        [.. steps.Select((t, i) => (t, v: values[i])).Where(p => !double.IsNaN(p.v)).Select(p => new[] { p.t / 1000.0, p.v })];
}
