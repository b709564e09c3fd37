namespace AIOps.Analyzer.Forecasting;

/// <summary>The M4 benchmarks' 90 % autocorrelation test for seasonality at lag m.</summary>
public static class SeasonalityTest
{
    private const double CriticalValue = 1.645;

    /// <summary>
    /// True when <c>|r_m| &gt; 1.645 sqrt((1 + 2 sum_{k&lt;m} r_k^2) / n)</c>; series shorter than three periods,
    /// or period 1, are never seasonal.
    /// </summary>
    public static bool IsSeasonal(IReadOnlyList<double> series, int period)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (period <= 1 || series.Count < 3 * period)
        {
            return false;
        }

        var r = AutoCorrelations(series, period);
        var sum = 0.0;
        for (var k = 1; k < period; k++)
        {
            sum += r[k] * r[k];
        }

        var limit = CriticalValue * Math.Sqrt((1 + 2 * sum) / series.Count);
        return Math.Abs(r[period]) > limit;
    }

    /// <summary>Sample autocorrelations r_0..r_maxLag (biased estimator, as R's acf).</summary>
    public static double[] AutoCorrelations(IReadOnlyList<double> series, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var mean = series.Average();
        var denominator = 0.0;
        for (var t = 0; t < n; t++)
        {
            denominator += (series[t] - mean) * (series[t] - mean);
        }

        var r = new double[maxLag + 1];
        for (var k = 0; k <= maxLag && k < n; k++)
        {
            var sum = 0.0;
            for (var t = 0; t + k < n; t++)
            {
                sum += (series[t] - mean) * (series[t + k] - mean);
            }

            r[k] = denominator == 0 ? 0 : sum / denominator;
        }

        return r;
    }
}
