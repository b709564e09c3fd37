using AIOps.Collector.Aggregation;

namespace AIOps.Collector.Query;

/// <summary>Folds 10-second RED windows into points of any step (a multiple of 10 s). Pure.</summary>
public static class RedSeries
{
    public static IReadOnlyList<RedPoint> Build(IReadOnlyList<RedWindow> windows, long fromNanos, long toNanos, long stepNanos)
    {
        stepNanos = Math.Max(LiveAggregates.WindowNanos, stepNanos / LiveAggregates.WindowNanos * LiveAggregates.WindowNanos);
        var start = LiveAggregates.WindowOf(fromNanos);
        var points = new List<RedPoint>();
        for (var t = start; t < toNanos; t += stepNanos)
        {
            var inStep = windows.Where(w => w.WindowStartUnixNano >= t && w.WindowStartUnixNano < t + stepNanos).ToList();
            // The last step may reach past the range's end: its rate is over the part it covers, not diluted.
            points.Add(Point(inStep, t, Math.Max(LiveAggregates.WindowNanos, Math.Min(stepNanos, toNanos - t))));
        }

        return points;
    }

    /// <summary>One point over all the windows given (for "current" values).</summary>
    public static RedPoint Point(IReadOnlyList<RedWindow> windows, long startNanos, long spanNanos)
    {
        var histogram = new DurationHistogram();
        long count = 0, errors = 0, sum = 0;
        foreach (var w in windows)
        {
            histogram.Add(w.Histogram);
            count += w.Count;
            errors += w.Errors;
            sum += w.DurationSumNanos;
        }

        var seconds = spanNanos / 1e9;
        return new RedPoint(
            startNanos / 1e9,
            count,
            Math.Round(count / seconds, 4),
            count == 0 ? 0 : Math.Round((double)errors / count, 5),
            count == 0 ? null : Math.Round(histogram.Quantile(0.5), 3),
            count == 0 ? null : Math.Round(histogram.Quantile(0.95), 3),
            count == 0 ? null : Math.Round(histogram.Quantile(0.99), 3),
            count == 0 ? null : Math.Round(sum / 1e6 / count, 3));
    }
}
