using AIOps.Analyzer.Analysis;
using AIOps.Dashboard.Model.Charts;

namespace AIOps.Dashboard.Model;

/// <summary>
/// A service's request-rate forecast as the pages show it: the point that covers now (to hold the current rate
/// against), and the part of it a chart draws as a band with its mean. Pure.
/// </summary>
public static class RateForecast
{
    /// <summary>The band's legend name: the forecasts carry a 95 % interval.</summary>
    public const string BandName = "forecast 95 %";

    /// <summary>
    /// The forecast for the step holding <paramref name="now"/> (a point stands for the step that ends at its time);
    /// null without a forecast, or when it does not cover now (stale, or starting more than a step later).
    /// </summary>
    public static ForecastPoint? At(ServiceForecast? forecast, DateTimeOffset now)
    {
        if (forecast is null)
        {
            return null;
        }

        var step = TimeSpan.FromSeconds(forecast.StepSeconds);
        var point = forecast.Points.FirstOrDefault(p => p.Time >= now);
        return point is not null && point.Time - now <= step * 2 ? point : null;
    }

    /// <summary>Whether <paramref name="rate"/> lies outside the forecast's interval.</summary>
    public static bool Outside(ForecastPoint point, double rate)
    {
        ArgumentNullException.ThrowIfNull(point);
        return rate < point.Lower || rate > point.Upper;
    }

    /// <summary>
    /// Where a rate chart ending at <paramref name="now"/> should end to show what the forecast expects next: a third
    /// of the range ahead (at least 5 minutes), no further than the forecast reaches; now without a forecast ahead.
    /// </summary>
    public static DateTimeOffset ChartEnd(ServiceForecast? forecast, DateTimeOffset now, TimeSpan range)
    {
        if (forecast is not { Points.Count: > 0 } || forecast.Points[^1].Time <= now)
        {
            return now;
        }

        var ahead = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(5).Ticks, range.Ticks / 3));
        return now + ahead < forecast.Points[^1].Time ? now + ahead : forecast.Points[^1].Time;
    }

    /// <summary>The forecast's interval within [from, to] as a chart band; null when none of it falls there.</summary>
    public static ChartBand? Band(ServiceForecast? forecast, DateTimeOffset from, DateTimeOffset to)
    {
        var points = Within(forecast, from, to).Select(p => (p.Time, p.Lower, p.Upper)).ToList();
        return points.Count == 0 ? null : new ChartBand(BandName, points);
    }

    /// <summary>The forecast's mean within [from, to] as a muted chart line; null when none of it falls there.</summary>
    public static ChartSeries? Mean(ServiceForecast? forecast, DateTimeOffset from, DateTimeOffset to)
    {
        var points = Within(forecast, from, to).Select(p => new ChartPoint(p.Time, p.Rate)).ToList();
        return points.Count == 0 ? null : new ChartSeries("forecast", points, "muted");
    }

    private static IEnumerable<ForecastPoint> Within(ServiceForecast? forecast, DateTimeOffset from, DateTimeOffset to) =>
        forecast?.Points.Where(p => p.Time >= from && p.Time <= to) ?? [];
}
