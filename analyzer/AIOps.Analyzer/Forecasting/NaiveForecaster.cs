namespace AIOps.Analyzer.Forecasting;

/// <summary>Repeats the last value; the interval widens with the square root of the step (a random walk).</summary>
public sealed class NaiveForecaster : IForecaster
{
    public string Name => "naive";

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfZero(history.Count);
        var mean = Enumerable.Repeat(history[^1], horizon).ToArray();
        var sigma = PredictionInterval.LagResidualScale(history, 1);
        return PredictionInterval.Around(mean, sigma, coverage, step => Math.Sqrt(step));
    }
}
