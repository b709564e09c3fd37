using System.Globalization;

namespace AIOps.Dashboard.Model;

/// <summary>Times and spans of time as the operations pages write them: UTC, short, whole units.</summary>
public static class TimeText
{
    /// <summary>A time of today as HH:mm:ss, an older or later one with its date (UTC).</summary>
    public static string At(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date ? UiRequest.Clock(at) : UiRequest.Stamp(at);

    /// <summary>45s, 4m 12s, 2h 05m, 3d 4h.</summary>
    public static string Elapsed(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h")
            : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s");
    }

    /// <summary>A setting's duration as a policy file writes it: 90s, 10m, 1h, 1h 30m.</summary>
    public static string Setting(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) || span.Ticks % TimeSpan.TicksPerMinute != 0 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : span < TimeSpan.FromHours(1) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0}m")
        : span.Minutes == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes}m");
}
