using System.Globalization;

namespace AIOps.Dashboard.Model.Charts;

/// <summary>
/// Axis arithmetic for the dashboard's charts: round tick values over a value range, tick times over a time range,
/// and values written with their unit. Pure: the charts and their tests call it.
/// </summary>
public static class ChartAxis
{
    private static readonly TimeSpan[] s_timeSteps =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
    ];

    /// <summary>
    /// Ticks from zero (or below, for negative data) to a round value at or above <paramref name="max"/>: steps of
    /// 1, 2, 2.5 or 5 times a power of ten, about <paramref name="count"/> of them.
    /// </summary>
    public static IReadOnlyList<double> ValueTicks(double min, double max, int count = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        min = Math.Min(0, min);
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            max = min + 1;
        }

        var raw = (max - min) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw * 0.999);
        var low = Math.Floor(min / step) * step;
        var ticks = new List<double>();
        for (var v = low; v < max + step * 0.999; v += step)
        {
            ticks.Add(Math.Round(v, 10));
        }

        return ticks;
    }

    /// <summary>Tick times at round steps (10 s to 2 days) within the range, about <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<DateTimeOffset> TimeTicks(DateTimeOffset from, DateTimeOffset to, int count = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (to <= from)
        {
            return [from];
        }

        var wanted = (to - from) / count;
        var step = s_timeSteps.FirstOrDefault(s => s >= wanted, s_timeSteps[^1]);
        var first = new DateTimeOffset((from.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks, TimeSpan.Zero);
        var ticks = new List<DateTimeOffset>();
        for (var t = first; t <= to; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }

    /// <summary>A tick time's label: time of day, with the date when the range spans more than a day.</summary>
    public static string TimeLabel(DateTimeOffset time, TimeSpan span) =>
        time.UtcDateTime.ToString(span > TimeSpan.FromDays(1) ? "MM-dd HH:mm" : span <= TimeSpan.FromMinutes(5) ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A value with its unit, with as many decimals as its size needs: 0.25 ms, 12.5 req/s, 1,204 ms, 3.1 %.</summary>
    public static string Format(double? value, string unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "–";
        }

        if (unit == "%")
        {
            return (v * 100).ToString(Math.Abs(v) >= 0.1 ? "0" : Math.Abs(v) >= 0.01 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + " %";
        }

        var a = Math.Abs(v);
        var format = a >= 1000 ? "#,0" : a >= 100 ? "0" : a >= 10 ? "0.#" : a >= 1 ? "0.##" : "0.###";
        var text = v.ToString(format, CultureInfo.InvariantCulture);
        if (unit == "B")
        {
            return Bytes(v);
        }

        return unit.Length == 0 ? text : text + " " + unit;
    }

    /// <summary>A size in bytes, KiB, MiB or GiB.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var i = 0;
        while (Math.Abs(bytes) >= 1024 && i < units.Length - 1)
        {
            bytes /= 1024;
            i++;
        }

        return bytes.ToString(i == 0 || Math.Abs(bytes) >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[i];
    }
}
