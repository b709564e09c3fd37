using System.Text;

namespace AIOps.Collector.Otlp;

/// <summary>
/// OpenTelemetry metric and attribute names in Prometheus form, as the OpenTelemetry specification's
/// Prometheus compatibility rules give them: invalid characters become underscores, the unit becomes
/// a suffix (seconds, bytes, ratio, ..._per_second), monotonic counters end in _total.
/// </summary>
public static class PrometheusNaming
{
    private static readonly Dictionary<string, string> s_units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules",
        ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> s_perUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The Prometheus metric name for an OTLP metric.</summary>
    public static string MetricName(string name, string? unit, bool isCounter, bool isGauge)
    {
        var result = Sanitize(name, allowColon: true);
        var suffix = UnitSuffix(unit, isGauge);
        if (suffix.Length > 0 && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result += "_" + suffix;
        }

        if (isCounter && !result.EndsWith("_total", StringComparison.Ordinal))
        {
            result += "_total";
        }

        return result;
    }

    /// <summary>A label name: letters, digits and underscores, not starting with a digit.</summary>
    public static string LabelName(string key) => Sanitize(key, allowColon: false);

    internal static string UnitSuffix(string? unit, bool isGauge)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return string.Empty;
        }

        if (unit == "1")
        {
            return isGauge ? "ratio" : string.Empty;
        }

        // Annotations in braces ({request}) are not units.
        var braces = unit.IndexOf('{', StringComparison.Ordinal);
        if (braces >= 0)
        {
            unit = unit[..braces];
        }

        if (unit.Length == 0)
        {
            return string.Empty;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        var main = slash < 0 ? unit : unit[..slash];
        var per = slash < 0 ? null : unit[(slash + 1)..];
        var text = main.Length == 0 ? string.Empty : s_units.GetValueOrDefault(main, Sanitize(main, allowColon: false));
        if (per is { Length: > 0 })
        {
            text += (text.Length > 0 ? "_" : string.Empty) + "per_" + s_perUnits.GetValueOrDefault(per, Sanitize(per, allowColon: false));
        }

        return text.Trim('_');
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var text = new StringBuilder(name.Length + 1);
        var lastUnderscore = false;
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && lastUnderscore)
            {
                continue;
            }

            text.Append(next);
            lastUnderscore = next == '_';
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
