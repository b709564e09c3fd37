namespace AIOps.Analyzer.Forecasting;

/// <summary>Repeats the value one period back; the interval widens with the square root of the periods ahead.</summary>
public sealed class SeasonalNaiveForecaster : IForecaster
{
    public string Name => "snaive";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfZero(history.Count);
        var m = Math.Clamp(period, 1, history.Count);
        var mean = new double[horizon];
        for (var i = 0; i < horizon; i++)
        {
            mean[i] = history[history.Count - m + (i % m)];
        }

        var sigma = PredictionInterval.LagResidualScale(history, m);
        return PredictionInterval.Around(mean, sigma, coverage, step => Math.Sqrt(((step - 1) / m) + 1));
    }
}
