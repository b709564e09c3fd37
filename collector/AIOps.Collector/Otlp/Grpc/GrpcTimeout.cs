using System.Globalization;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// The grpc-timeout request header (PROTOCOL-HTTP2.md): at most 8 ASCII digits and a unit, one of
/// H (hours), M (minutes), S (seconds), m (milliseconds), u (microseconds), n (nanoseconds).
/// </summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan timeout)
    {
        timeout = default;
        if (text.Length is < 2 or > MaxDigits + 1
            || !long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        long? ticks = text[^1] switch
        {
            'H' => value * TimeSpan.TicksPerHour,
            'M' => value * TimeSpan.TicksPerMinute,
            'S' => value * TimeSpan.TicksPerSecond,
            'm' => value * TimeSpan.TicksPerMillisecond,
            'u' => value * TimeSpan.TicksPerMicrosecond,
            'n' => value / TimeSpan.NanosecondsPerTick,
            _ => null,
        };
        if (ticks is not { } found)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(found);
        return true;
    }
}
