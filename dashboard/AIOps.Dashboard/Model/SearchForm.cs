using System.Globalization;
using AIOps.Collector.Query;
using Microsoft.AspNetCore.WebUtilities;

namespace AIOps.Dashboard.Model;

/// <summary>What the search pages' GET forms share: blank fields, the page of results, and links to other pages.</summary>
public static class SearchForm
{
    /// <summary>The field's text without surrounding blanks; null when there is none.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"limit" and "offset" fields as numbers within the query API's bounds, or why not.</summary>
    public static bool TryPage(string? limit, string? offset, int defaultLimit, out (int Limit, int Offset) page, out string? error)
    {
        page = (defaultLimit, 0);
        error = null;
        if (Text(limit) is { } l && !int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out page.Limit))
        {
            error = $"limit must be a whole number between 1 and {SearchParameters.MaxLimit}";
        }
        else if (Text(offset) is { } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out page.Offset))
        {
            error = "offset must be a whole number, 0 or more";
        }
        else
        {
            error = SearchParameters.PageError(page.Limit, page.Offset);
        }

        return error is null;
    }

    /// <summary>The page at <paramref name="path"/> with these fields in its address (blank ones left out).</summary>
    public static string Address(string path, IEnumerable<(string Key, string? Value)> fields) =>
        QueryHelpers.AddQueryString(path, fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => KeyValuePair.Create(f.Key, f.Value)));
}
