using System.Globalization;

namespace AIOps.Collector.Query;

/// <summary>
/// The trace and log search filters as people write them (the query API's parameters, the dashboard's forms), read
/// and checked the same way everywhere.
/// </summary>
public static class SearchParameters
{
    /// <summary>The most results one search returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The OTLP severity ranges by the name of their lowest number: 1 trace, 5 debug, 9 info, 13 warn, 17 error, 21 fatal.</summary>
    public static IReadOnlyList<(string Name, int Number)> Severities { get; } =
        [("trace", 1), ("debug", 5), ("info", 9), ("warn", 13), ("error", 17), ("fatal", 21)];

    /// <summary>A severity name (trace .. fatal, also information, warning, critical) or an OTLP number 1-24.</summary>
    public static bool TryParseSeverity(string text, out int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        number = text.ToLowerInvariant() switch
        {
            "information" => 9,
            "warning" => 13,
            "critical" => 21,
            var name when Severities.FirstOrDefault(s => s.Name == name) is { Number: > 0 } named => named.Number,
            _ => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 24 ? n : 0,
        };
        return number > 0;
    }

    /// <summary>The name of the range an OTLP severity number falls in; "unset" for 0.</summary>
    public static string SeverityName(int number) =>
        number < 1 ? "unset" : Severities.Last(s => s.Number <= Math.Min(number, 24)).Name;

    /// <summary>key=value, split at the first '=' (the key must not be empty; the value may be).</summary>
    public static bool TryParseAttribute(string text, out (string Key, string Value) attribute)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        attribute = equals > 0 ? (text[..equals], text[(equals + 1)..]) : default;
        return equals > 0;
    }

    /// <summary>Why a page of results cannot be read, or null when it can.</summary>
    public static string? PageError(int limit, int offset) =>
        limit is < 1 or > MaxLimit ? $"limit must be between 1 and {MaxLimit}" : offset < 0 ? "offset must not be negative" : null;
}
