namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Seasonal naive forecasts that also look a week back (seven periods) or across several days: traffic
/// to a service repeats by day and by week, and a median over days ignores one unusual day. Falls back
/// to the daily seasonal naive when the history is shorter than two weeks. Intervals from the matching
/// lag's in-sample errors, widening per period as the seasonal naive's do. Pure.
/// </summary>
public sealed class MultiSeasonalNaiveForecaster(SeasonalNaiveVariant variant) : IForecaster
{
    private const int Days = 7;

    public string Name => variant switch
    {
        SeasonalNaiveVariant.Weekly => "weekly-naive",
        SeasonalNaiveVariant.DailyWeeklyBlend => "daily-weekly-naive",
        _ => "daily-median-naive",
    };

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        var m = Math.Max(1, period);
        var week = m * Days;
        var n = history.Count;
        if (n < 2 * week || m == 1)
        {
            return new SeasonalNaiveForecaster().Fit(history, m, horizon, coverage);
        }

        var mean = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var daily = history[n - m + (h % m)];
            var weekly = history[n - week + (h % week)];
            mean[h] = variant switch
            {
                SeasonalNaiveVariant.Weekly => weekly,
                SeasonalNaiveVariant.DailyWeeklyBlend => (daily + weekly) / 2,
                _ => Median(history, n, m, h),
            };
        }

        var lag = variant == SeasonalNaiveVariant.Weekly ? week : m;
        var sigma = variant == SeasonalNaiveVariant.DailyWeeklyBlend
            ? (PredictionInterval.LagResidualScale(history, m) + PredictionInterval.LagResidualScale(history, week)) / 2
            : PredictionInterval.LagResidualScale(history, lag);
        return PredictionInterval.Around(mean, sigma, coverage, step => Math.Sqrt(((step - 1) / lag) + 1));
    }

    private static double Median(IReadOnlyList<double> history, int n, int m, int h)
    {
        Span<double> values = stackalloc double[Days];
        for (var k = 0; k < Days; k++)
        {
            values[k] = history[n - ((k + 1) * m) + (h % m)];
        }

        values.Sort();
        return values[Days / 2];
    }
}
