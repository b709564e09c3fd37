namespace AIOps.Analyzer.Analysis;

/// <summary>Refreshes the request-rate forecasts every <see cref="AnalysisOptions.ForecastInterval"/>.</summary>
public sealed class ForecastWorker(RequestRateForecasts forecasts, AnalysisOptions options, TimeProvider time, ILogger<ForecastWorker> logger)
    : PeriodicWorker(options.ForecastInterval, options.Enabled, time, logger)
{
    protected override void Work() => forecasts.Refresh();
}
