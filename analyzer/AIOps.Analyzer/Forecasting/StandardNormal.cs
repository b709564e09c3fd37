namespace AIOps.Analyzer.Forecasting;

/// <summary>The standard normal distribution's quantile, for symmetric prediction intervals.</summary>
public static class StandardNormal
{
    private const double Panel = 1e-3;

    /// <summary>The z with P(Z &lt;= z) = <paramref name="probability"/>, accurate to about 1e-10.</summary>
    public static double Quantile(double probability)
    {
        if (probability is <= 0 or >= 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in (0, 1)");
        }

        if (probability < 0.5)
        {
            return -Quantile(1 - probability);
        }

        // Phi(z) - 0.5 is the density's integral over [0, z]: accumulate Simpson panels until the panel holding
        // the target, then bisect inside it.
        var target = probability - 0.5;
        var start = 0.0;
        var area = 0.0;
        while (start < 40)
        {
            var next = Simpson(start, start + Panel);
            if (area + next >= target)
            {
                break;
            }

            area += next;
            start += Panel;
        }

        double low = 0, high = Panel;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (area + Simpson(start, start + mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return start + ((low + high) / 2);
    }

    private static double Simpson(double a, double b) =>
        (b - a) / 6 * (Density(a) + (4 * Density((a + b) / 2)) + Density(b));

    private static double Density(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
}
