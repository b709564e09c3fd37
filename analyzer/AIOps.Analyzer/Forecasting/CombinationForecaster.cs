namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The equal-weight combination of several forecasters: the mean of their point forecasts, and of their interval
/// bounds (averaging quantiles). Combining models that err differently cancels part of their errors, the lesson of
/// the M competitions. Pure.
/// </summary>
public sealed class CombinationForecaster(string name, IReadOnlyList<Func<IForecaster>> members) : IForecaster
{
    public string Name => name;

    public Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage)
    {
        var forecasts = members.Select(m => m().Fit(history, period, horizon, coverage)).ToList();
        double[] Average(Func<Forecast, IReadOnlyList<double>> part) =>
            [.. Enumerable.Range(0, horizon).Select(h => forecasts.Average(f => part(f)[h]))];
        return new Forecast(Average(f => f.Mean), Average(f => f.Lower), Average(f => f.Upper));
    }
}
