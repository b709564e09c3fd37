using System.Globalization;

namespace AIOps.Collector.Query;

/// <summary>
/// Times in query parameters: unix seconds (fractions allowed), RFC 3339, "now", or "now-15m" style
/// (ms, s, m, h, d). Durations: "250ms", "30s", "5m", "1h", or seconds.
/// </summary>
public static class QueryTime
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = now;
        if (string.IsNullOrWhiteSpace(text) || text == "now")
        {
            return true;
        }

        if (text.StartsWith("now-", StringComparison.Ordinal) && TryParseDuration(text[4..], out var ago))
        {
            time = now - ago;
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            time = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var millis = text.EndsWith("ms", StringComparison.Ordinal);
        var unit = millis ? 'x' : text[^1];
        var scale = millis ? 0.001 : unit switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, 'd' => 86400.0, _ => 0 };
        var number = millis ? text[..^2] : scale == 0 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * (scale == 0 ? 1 : scale));
        return true;
    }

    public static long ToUnixNanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static DateTimeOffset FromUnixNanos(long unixNano) => DateTimeOffset.UnixEpoch.AddTicks(unixNano / 100);

    /// <summary>A [from, to) range in unix nanoseconds from query parameters (to defaults to now, from to to - defaultSpan), or why not.</summary>
    public static (long From, long To, string? Error) ParseRange(string? from, string? to, DateTimeOffset now, TimeSpan defaultSpan)
    {
        if (!TryParse(to, now, out var end))
        {
            return (0, 0, "to must be unix seconds, RFC 3339, now or now-<duration>");
        }

        if (!TryParse(from ?? "now-" + (long)defaultSpan.TotalSeconds + "s", end == now ? now : end, out var start))
        {
            return (0, 0, "from must be unix seconds, RFC 3339, now or now-<duration>");
        }

        if (from is null)
        {
            start = end - defaultSpan;
        }

        return start >= end ? (0, 0, "from must be before to") : (ToUnixNanos(start), ToUnixNanos(end), null);
    }
}
