using System.Globalization;
using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>The log search form's fields as the address carries them, and the search they ask for.</summary>
public sealed record LogSearchForm(string? Service, string? Severity, string? Text, string? TraceId, string? Limit, string? Offset)
{
    public const int DefaultLimit = 100;

    /// <summary>
    /// The search over [from, to], or the message naming the field that cannot be read. The logs of one trace are
    /// looked up by its id in every partition kept, whatever the range: a trace is short, but may be older.
    /// </summary>
    public (LogSearch? Search, string? Error) Parse(long fromNanos, long toNanos)
    {
        var minSeverity = 0;
        if (SearchForm.Text(Severity) is { } severity && !SearchParameters.TryParseSeverity(severity, out minSeverity))
        {
            return (null, "minimum severity must be trace, debug, info, warn, error or fatal");
        }

        var traceId = SearchForm.Text(TraceId)?.ToLowerInvariant();
        if (traceId is not null && !Collector.Model.TraceId.TryParse(traceId, out _))
        {
            return (null, "trace id must be 32 hex characters");
        }

        if (!SearchForm.TryPage(Limit, Offset, DefaultLimit, out var page, out var pageError))
        {
            return (null, pageError);
        }

        return (new LogSearch
        {
            FromUnixNano = traceId is null ? fromNanos : 0,
            ToUnixNano = traceId is null ? toNanos : long.MaxValue,
            Service = SearchForm.Text(Service),
            MinSeverity = minSeverity,
            Text = SearchForm.Text(Text),
            TraceId = traceId,
            Limit = page.Limit,
            Offset = page.Offset,
        }, null);
    }

    /// <summary>This search's address with another offset (the next or previous page).</summary>
    public string Address(string range, int offset) => SearchForm.Address("/logs",
    [
        ("service", Service), ("severity", Severity), ("text", Text), ("traceId", TraceId), ("limit", Limit),
        ("offset", offset > 0 ? offset.ToString(CultureInfo.InvariantCulture) : null), (TimeRange.ParameterName, range),
    ]);
}
