namespace AIOps.Analyzer.Statistics;

/// <summary>Quantiles of sorted samples, interpolating linearly between the two nearest ranks.</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="q"/>-quantile (0..1) of <paramref name="sorted"/>, which must be ascending and non-empty.</summary>
    public static double Sorted(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
