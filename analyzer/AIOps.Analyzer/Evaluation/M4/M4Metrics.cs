namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>The M4 competition's accuracy measures for one series. Pure.</summary>
public static class M4Metrics
{
    /// <summary>Symmetric MAPE in percent: <c>(200 / h) sum |y - f| / (|y| + |f|)</c>.</summary>
    public static double Smape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        CheckSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : Math.Abs(actual[i] - forecast[i]) / denominator;
        }

        return 200 * sum / actual.Count;
    }

    /// <summary>The in-sample mean absolute error of the seasonal naive forecast: MASE's and MSIS's scale.</summary>
    public static double SeasonalScale(IReadOnlyList<double> train, int period)
    {
        ArgumentNullException.ThrowIfNull(train);
        var m = Math.Max(period, 1);
        if (train.Count <= m)
        {
            throw new ArgumentException($"The training part needs more than {m} values", nameof(train));
        }

        var sum = 0.0;
        for (var t = m; t < train.Count; t++)
        {
            sum += Math.Abs(train[t] - train[t - m]);
        }

        return sum / (train.Count - m);
    }

    /// <summary>Mean absolute scaled error: the mean absolute error over <see cref="SeasonalScale"/>.</summary>
    public static double Mase(IReadOnlyList<double> train, IReadOnlyList<double> actual, IReadOnlyList<double> forecast, int period)
    {
        CheckSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }

        return sum / actual.Count / SeasonalScale(train, period);
    }

    /// <summary>
    /// Mean scaled interval score of a (1 - alpha) interval: width plus 2/alpha times each miss, averaged over the
    /// horizon and divided by <see cref="SeasonalScale"/>.
    /// </summary>
    public static double Msis(IReadOnlyList<double> train, IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper, int period, double alpha)
    {
        CheckSameLength(actual, lower);
        CheckSameLength(actual, upper);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var y = actual[i];
            sum += upper[i] - lower[i];
            if (y < lower[i])
            {
                sum += 2 / alpha * (lower[i] - y);
            }
            else if (y > upper[i])
            {
                sum += 2 / alpha * (y - upper[i]);
            }
        }

        return sum / actual.Count / SeasonalScale(train, period);
    }

    /// <summary>Overall weighted average relative to Naive2, from metrics already averaged over all series.</summary>
    public static double Owa(double smape, double mase, double naive2Smape, double naive2Mase) =>
        ((smape / naive2Smape) + (mase / naive2Mase)) / 2;

    private static void CheckSameLength(IReadOnlyList<double> actual, IReadOnlyList<double> other)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(other);
        if (actual.Count != other.Count || actual.Count == 0)
        {
            throw new ArgumentException($"Need equal, non-empty lengths, got {actual.Count} and {other.Count}");
        }
    }
}
