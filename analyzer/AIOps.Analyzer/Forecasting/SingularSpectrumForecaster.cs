namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Singular spectrum analysis with recurrent forecasting. The recent part of the series is embedded in a
/// trajectory matrix whose window is a whole number of periods (a week of periods while that stays under
/// <c>maxWindow</c> points); the series reconstructed from the leading eigenvectors of its lag-covariance is
/// continued by the linear recurrence of their span. The signal rank, and for a positive series whether to
/// work on its logarithm (multiplicative seasonality), are chosen by backtest from earlier origins (see
/// <see cref="SingularSpectrumFit"/>); the chosen fit's errors per step ahead give the interval, which widens
/// as they do. Pure.
/// </summary>
/// <param name="windowCycles">Periods per window, before the cap of <paramref name="maxWindow"/> points.</param>
/// <param name="maxWindow">The longest window, in points, unless one period is longer.</param>
/// <param name="maxComponents">The largest signal rank tried.</param>
public sealed class SingularSpectrumForecaster(int windowCycles = 7, int maxWindow = 336, int maxComponents = 36) : IForecaster
{
    // Windows of history the fit uses at least; older data adds cost more than information.
    private const int RecentWindows = 6;
    private const int Origins = 16;
    private const int MinOrigins = 4;

    // Multiply-adds per transform for the backtests: a period of 288 with a horizon of 288 gets the
    // fewest origins, a period of 24 with a horizon of 48 all of them.
    private const double BacktestBudget = 3e7;

    public string Name => "ssa";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        ArgumentNullException.ThrowIfNull(history);
        var m = Math.Max(1, period);
        var window = Window(history.Count, m);
        var perOrigin = (double)Math.Min(maxComponents, window) * window * ((1.5 * window) + horizon);
        var backtest = new SpectrumBacktest(horizon, (int)Math.Clamp(BacktestBudget / perOrigin, MinOrigins, Origins));
        var length = Math.Min(history.Count, Math.Max(RecentWindows * window, (2 * window) + backtest.Span));
        var recent = history.Skip(history.Count - length).ToArray();
        var raw = window < 2 ? null : SingularSpectrumFit.Run(recent, window, maxComponents, backtest, x => x);
        var log = window < 2 || recent.Any(x => x <= 0)
            ? null
            : SingularSpectrumFit.Run([.. recent.Select(x => Math.Log(x))], window, maxComponents, backtest, Math.Exp);
        var z = StandardNormal.Quantile(0.5 + (coverage / 2));
        Forecast? forecast = null;
        if (log is not null && (raw is null || log.Score < raw.Score))
        {
            forecast = new Forecast(
                [.. log.Mean.Select(x => Math.Exp(x))],
                [.. log.Mean.Select((x, h) => Math.Exp(x - (z * log.Sigmas[h])))],
                [.. log.Mean.Select((x, h) => Math.Exp(x + (z * log.Sigmas[h])))]);
        }
        else if (raw is not null)
        {
            forecast = PredictionInterval.Around(raw.Mean, raw.Sigmas, coverage).NonNegativeLike(history);
        }

        return forecast is not null && IsPlausible(recent, forecast.Mean)
            ? forecast
            : new SeasonalNaiveForecaster().Fit(history, period, horizon, coverage);
    }

    private int Window(int count, int m)
    {
        var cycles = Math.Min(Math.Min(windowCycles, Math.Max(1, maxWindow / m)), count / (3 * m));
        return m > 1 ? cycles * m : Math.Min(maxWindow, count / 3);
    }

    // A recurrence with a root outside the unit circle can run away over a long horizon.
    private static bool IsPlausible(double[] recent, IReadOnlyList<double> forecast)
    {
        var (low, high) = (recent.Min(), recent.Max());
        return forecast.All(x => double.IsFinite(x) && x >= low - (2 * (high - low)) && x <= high + (2 * (high - low)));
    }
}
