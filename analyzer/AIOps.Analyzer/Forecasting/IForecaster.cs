namespace AIOps.Analyzer.Forecasting;

/// <summary>Fits a series and forecasts its next <c>horizon</c> steps. Pure: no clock, no I/O.</summary>
public interface IForecaster
{
    string Name { get; }

    /// <param name="history">The observed series, oldest first, at a regular step.</param>
    /// <param name="period">The seasonal period in steps (1 when none).</param>
    /// <param name="horizon">Steps to forecast.</param>
    /// <param name="coverage">The interval's nominal coverage, e.g. 0.95.</param>
    Forecast Fit(IReadOnlyList<double> history, int period, int horizon, double coverage);
}
