namespace AIOps.Analyzer.Forecasting;

/// <summary>Seasonal indices of the classical multiplicative decomposition (centred moving average trend).</summary>
public static class ClassicalDecomposition
{
    /// <summary>
    /// One index per position in the period; index i belongs to the observations t with t mod period == i.
    /// The indices average 1.
    /// </summary>
    public static double[] MultiplicativeIndices(IReadOnlyList<double> series, int period)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = series.Count;
        var half = period / 2;
        var sums = new double[period];
        var counts = new int[period];
        for (var t = half; t < n - half; t++)
        {
            var trend = CentredMean(series, t, period);
            sums[t % period] += series[t] / trend;
            counts[t % period]++;
        }

        var indices = new double[period];
        for (var i = 0; i < period; i++)
        {
            indices[i] = counts[i] == 0 ? 1 : sums[i] / counts[i];
        }

        var average = indices.Average();
        for (var i = 0; i < period; i++)
        {
            indices[i] /= average;
        }

        return indices;
    }

    // A 2 x m moving average for even m (half weights at both ends), a plain m-term average for odd m.
    private static double CentredMean(IReadOnlyList<double> series, int t, int period)
    {
        var half = period / 2;
        var sum = 0.0;
        if (period % 2 == 0)
        {
            sum += (series[t - half] + series[t + half]) / 2;
            for (var j = t - half + 1; j < t + half; j++)
            {
                sum += series[j];
            }
        }
        else
        {
            for (var j = t - half; j <= t + half; j++)
            {
                sum += series[j];
            }
        }

        return sum / period;
    }
}
