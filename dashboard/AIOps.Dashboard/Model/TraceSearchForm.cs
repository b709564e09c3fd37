using System.Globalization;
using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>The trace search form's fields as the address carries them, and the search they ask for.</summary>
public sealed record TraceSearchForm(string? Service, string? Operation, string? MinMs, string? Errors, string? Attribute, string? Limit, string? Offset)
{
    public const int DefaultLimit = 20;

    /// <summary>The "errors only" box is ticked.</summary>
    public bool ErrorsOnly => SearchForm.Text(Errors) is "on" or "true" or "1";

    /// <summary>The search over [from, to], or the message naming the field that cannot be read.</summary>
    public (TraceSearch? Search, string? Error) Parse(long fromNanos, long toNanos)
    {
        var minNanos = 0L;
        if (SearchForm.Text(MinMs) is { } min)
        {
            if (!double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !double.IsFinite(ms) || ms < 0)
            {
                return (null, "minimum duration must be a number of milliseconds, such as 250");
            }

            minNanos = (long)(ms * 1e6);
        }

        (string, string)? attribute = null;
        if (SearchForm.Text(Attribute) is { } text)
        {
            if (!SearchParameters.TryParseAttribute(text, out var pair))
            {
                return (null, "attribute must be key=value, such as http.route=/book");
            }

            attribute = pair;
        }

        if (!SearchForm.TryPage(Limit, Offset, DefaultLimit, out var page, out var pageError))
        {
            return (null, pageError);
        }

        return (new TraceSearch
        {
            FromUnixNano = fromNanos,
            ToUnixNano = toNanos,
            Service = SearchForm.Text(Service),
            Operation = SearchForm.Text(Operation),
            MinDurationNanos = minNanos,
            Error = ErrorsOnly ? true : null,
            Attribute = attribute,
            Limit = page.Limit,
            Offset = page.Offset,
        }, null);
    }

    /// <summary>This search's address with another offset (the next or previous page).</summary>
    public string Address(string range, int offset) => SearchForm.Address("/traces",
    [
        ("service", Service), ("operation", Operation), ("minMs", MinMs), ("errors", ErrorsOnly ? "on" : null), ("attr", Attribute),
        ("limit", Limit), ("offset", offset > 0 ? offset.ToString(CultureInfo.InvariantCulture) : null), (TimeRange.ParameterName, range),
    ]);
}
