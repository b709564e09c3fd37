using System.Text;

namespace AIOps.Travel.Telemetry;

/// <summary>
/// OpenTelemetry names the Prometheus way: characters outside [a-zA-Z0-9_:] become underscores, the
/// unit becomes a suffix (s → seconds, By → bytes; annotations such as {request} are dropped),
/// monotonic counters end in _total.
/// </summary>
internal static class PrometheusMetricNames
{
    private static readonly Dictionary<string, string> s_units = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds", ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["min"] = "minutes", ["h"] = "hours", ["d"] = "days", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["%"] = "percent",
    };

    public static string Metric(string name, string? unit, bool isCounter, bool isGauge)
    {
        var result = Sanitize(name, allowColon: true);
        var suffix = UnitSuffix(unit, isGauge);
        if (suffix.Length > 0 && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result += "_" + suffix;
        }

        return isCounter && !result.EndsWith("_total", StringComparison.Ordinal) ? result + "_total" : result;
    }

    public static string Label(string key) => Sanitize(key, allowColon: false);

    private static string UnitSuffix(string? unit, bool isGauge)
    {
        var braces = unit?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        unit = braces >= 0 ? unit![..braces] : unit;
        if (string.IsNullOrEmpty(unit))
        {
            return string.Empty;
        }

        if (unit == "1")
        {
            return isGauge ? "ratio" : string.Empty;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var per = unit[(slash + 1)..] switch { "s" => "second", "m" => "minute", "h" => "hour", var other => Sanitize(other, allowColon: false) };
            var main = UnitSuffix(unit[..slash], isGauge);
            return (main.Length > 0 ? main + "_per_" : "per_") + per;
        }

        return s_units.GetValueOrDefault(unit) ?? Sanitize(unit, allowColon: false).Trim('_');
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var next = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_';
            if (next != '_' || text.Length == 0 || text[^1] != '_')
            {
                text.Append(next);
            }
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
