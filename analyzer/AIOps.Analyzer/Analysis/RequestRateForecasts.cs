using AIOps.Analyzer.Forecasting;
using AIOps.Collector.Storage;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Per service, the request rate for the next hours with its 95 % interval, refitted on a schedule from the RED
/// history (the model chosen per service by backtesting, the daily cycle as the season): what the remediator
/// scales ahead of. The latest forecasts are kept in memory; a refresh replaces them.
/// </summary>
public sealed class RequestRateForecasts(TelemetryStore store, AnalysisOptions options, TimeProvider time, ILogger<RequestRateForecasts> logger)
{
    private const double Coverage = 0.95;
    private volatile IReadOnlyDictionary<string, ServiceForecast> _latest = new Dictionary<string, ServiceForecast>();

    public IReadOnlyList<ServiceForecast> All() => [.. _latest.Values.OrderBy(f => f.Service, StringComparer.Ordinal)];

    public ServiceForecast? For(string service) => _latest.GetValueOrDefault(service);

    /// <summary>Refits every service seen in the forecast history.</summary>
    public IReadOnlyList<ServiceForecast> Refresh()
    {
        var now = time.GetUtcNow();
        var stepMs = (long)options.ForecastStep.TotalMilliseconds;
        var endMs = now.ToUnixTimeMilliseconds() - (long)options.SettleDelay.TotalMilliseconds;
        endMs -= endMs % stepMs;
        var startMs = endMs - (long)options.ForecastHistory.TotalMilliseconds;
        var steps = (int)((endMs - startMs) / stepMs);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var window in store.Red(startMs * 1_000_000, endMs * 1_000_000))
        {
            var index = (int)(((window.WindowStartUnixNano / 1_000_000) - startMs) / stepMs);
            if (index >= 0 && index < steps)
            {
                if (!counts.TryGetValue(window.Service, out var series))
                {
                    series = new double[steps];
                    counts[window.Service] = series;
                }

                series[index] += window.Count;
            }
        }

        var latest = new Dictionary<string, ServiceForecast>(StringComparer.Ordinal);
        foreach (var (service, series) in counts)
        {
            try
            {
                latest[service] = Fit(service, series, now, endMs, stepMs);
            }
            catch (ArgumentException exception)
            {
                AnalysisLog.ForecastFailed(logger, service, exception);
            }
        }

        _latest = latest;
        return All();
    }

    private ServiceForecast Fit(string service, double[] counts, DateTimeOffset now, long endMs, long stepMs)
    {
        var first = Array.FindIndex(counts, c => c > 0);
        var seconds = stepMs / 1000.0;
        var history = counts.Skip(Math.Max(first, 0)).Select(c => c / seconds).ToArray();
        var season = (int)Math.Max(1, Math.Round(options.Season.TotalMilliseconds / stepMs));
        var period = history.Length >= 2 * season ? season : 1;
        var horizon = (int)Math.Max(1, options.ForecastHorizon.TotalMilliseconds / stepMs);
        var model = BacktestSelector.CreateDefault();
        var forecast = history.Length >= 2 ? model.Fit(history, period, horizon, Coverage) : Flat(history, horizon);
        var points = new ForecastPoint[horizon];
        for (var h = 0; h < horizon; h++)
        {
            points[h] = new ForecastPoint(
                DateTimeOffset.FromUnixTimeMilliseconds(endMs + ((h + 1) * stepMs)),
                Math.Round(Math.Max(0, forecast.Mean[h]), 4),
                Math.Round(Math.Max(0, forecast.Lower[h]), 4),
                Math.Round(Math.Max(0, forecast.Upper[h]), 4));
        }

        return new ServiceForecast(service, now, seconds, period, history.Length, model.LastChoice ?? "last value", points);
    }

    private static Forecast Flat(double[] history, int horizon)
    {
        var value = history.Length == 0 ? 0 : history[^1];
        var points = Enumerable.Repeat(value, horizon).ToArray();
        return new Forecast(points, points, points);
    }
}
