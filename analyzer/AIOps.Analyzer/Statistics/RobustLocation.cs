namespace AIOps.Analyzer.Statistics;

/// <summary>
/// The median of a sample and its robust spread (1.4826 times the median absolute deviation, which equals the
/// standard deviation for normal data), with a floor so that a sample that barely varies does not make every small
/// move look significant. Pure.
/// </summary>
public static class RobustLocation
{
    /// <summary>
    /// The median of <paramref name="values"/> and the spread, at least <paramref name="relativeFloor"/> times the
    /// median's magnitude and at least <paramref name="absoluteFloor"/>. An empty sample gives (0, absoluteFloor).
    /// </summary>
    public static (double Median, double Spread) Of(IEnumerable<double> values, double relativeFloor, double absoluteFloor)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return (0, absoluteFloor);
        }

        var median = Quantiles.Sorted(sorted, 0.5);
        var mad = Quantiles.Sorted([.. sorted.Select(x => Math.Abs(x - median)).Order()], 0.5);
        return (median, Math.Max(1.4826 * mad, Math.Max(relativeFloor * Math.Abs(median), absoluteFloor)));
    }
}
