namespace AIOps.Analyzer.Forecasting;

/// <summary>Point forecasts for the next steps with a prediction interval of the requested coverage.</summary>
public sealed record Forecast(IReadOnlyList<double> Mean, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>
    /// The forecast with every bound and mean raised to at least zero when <paramref name="history"/> never went
    /// below zero: counts, rates and durations cannot, though a model extrapolating a steep fall would say so.
    /// </summary>
    public Forecast NonNegativeLike(IReadOnlyList<double> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Any(x => x < 0)
            ? this
            : new Forecast([.. Mean.Select(x => Math.Max(0, x))], [.. Lower.Select(x => Math.Max(0, x))], [.. Upper.Select(x => Math.Max(0, x))]);
    }
}
