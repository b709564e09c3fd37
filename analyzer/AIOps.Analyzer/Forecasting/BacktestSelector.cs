namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Chooses, per series, the candidate forecaster with the smallest error on the last
/// <c>horizon</c> points held out (scaled absolute error, as MASE scales it), then refits it on the
/// whole history. Pure.
/// </summary>
public sealed class BacktestSelector(IReadOnlyList<Func<IForecaster>> candidates) : IForecaster
{
    public string Name => "auto";

    /// <summary>The default choice: seasonal naive (daily, weekly, blended, median of days), Holt-Winters and singular spectrum analysis.</summary>
    public static BacktestSelector CreateDefault() => new(
    [
        () => new SeasonalNaiveForecaster(),
        () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.Weekly),
        () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.DailyWeeklyBlend),
        () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.DailyMedian),
        () => new HoltWintersForecaster(),
        () => new SingularSpectrumForecaster(),
    ]);

    public string? LastChoice { get; private set; }

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        var n = history.Count;
        if (n < (2 * horizon) + (2 * period))
        {
            var fallback = candidates[0]();
            LastChoice = fallback.Name;
            return fallback.Fit(history, period, horizon, coverage);
        }

        var train = history.Take(n - horizon).ToList();
        var scale = 0.0;
        for (var t = period; t < train.Count; t++)
        {
            scale += Math.Abs(train[t] - train[t - period]);
        }

        scale = Math.Max(scale / Math.Max(1, train.Count - period), 1e-9);
        var best = (Error: double.MaxValue, Index: 0);
        for (var i = 0; i < candidates.Count; i++)
        {
            var forecast = candidates[i]().Fit(train, period, horizon, coverage);
            var error = 0.0;
            for (var h = 0; h < horizon; h++)
            {
                error += Math.Abs(history[n - horizon + h] - forecast.Mean[h]) / scale;
            }

            if (error < best.Error)
            {
                best = (error, i);
            }
        }

        var chosen = candidates[best.Index]();
        LastChoice = chosen.Name;
        return chosen.Fit(history, period, horizon, coverage);
    }
}
