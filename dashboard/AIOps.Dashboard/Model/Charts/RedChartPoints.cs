using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model.Charts;

/// <summary>RED points (from <see cref="TelemetryQueries.Red"/>) as chart points of one of their values.</summary>
public static class RedChartPoints
{
    /// <summary>
    /// How far before now RED charts end, at the last settled window: spans of the current 10 seconds are still
    /// arriving, and a window half filled would read as a drop in traffic.
    /// </summary>
    public const long SettledNanos = 10_000_000_000;

    /// <summary>The start of a point's step.</summary>
    public static DateTimeOffset TimeOf(RedPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(point.Time * TimeSpan.TicksPerSecond));
    }

    /// <summary>Requests per second at every step (0 where none came).</summary>
    public static IReadOnlyList<ChartPoint> Rate(IReadOnlyList<RedPoint> points) =>
        [.. points.Select(p => new ChartPoint(TimeOf(p), p.Rate))];

    /// <summary>A value only steps with requests have (error rate, latency); a gap where there were none.</summary>
    public static IReadOnlyList<ChartPoint> Of(IReadOnlyList<RedPoint> points, Func<RedPoint, double?> value) =>
        [.. points.Select(p => new ChartPoint(TimeOf(p), p.Requests > 0 ? value(p) : null))];
}
