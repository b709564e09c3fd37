using System.Globalization;
using AIOps.Collector.Model;

namespace AIOps.Collector.Query;

/// <summary>A span as the query API returns it (ids in hex; times as strings of unix nanoseconds, which JSON numbers cannot hold exactly).</summary>
public sealed record SpanView(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string StartTimeUnixNano,
    string EndTimeUnixNano,
    double DurationMs,
    string Status,
    string? StatusMessage,
    string Service,
    string? Instance,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyList<SpanEventView> Events,
    IReadOnlyList<SpanLinkView> Links,
    IReadOnlyDictionary<string, object?> Resource,
    string Scope)
{
    public static SpanView From(SpanData span) => new(
        span.TraceId.ToString(),
        span.SpanId.ToString(),
        span.ParentSpanId.IsEmpty ? null : span.ParentSpanId.ToString(),
        span.Name,
        span.Kind.ToString().ToLowerInvariant(),
        span.StartUnixNano.ToString(CultureInfo.InvariantCulture),
        span.EndUnixNano.ToString(CultureInfo.InvariantCulture),
        span.DurationNanos / 1e6,
        span.Status.ToString().ToLowerInvariant(),
        span.StatusMessage,
        span.Resource.Service,
        span.Resource.Instance.Length == 0 ? null : span.Resource.Instance,
        Map(span.Attributes),
        [.. span.Events.Select(e => new SpanEventView(e.TimeUnixNano.ToString(CultureInfo.InvariantCulture), e.Name, Map(e.Attributes)))],
        [.. span.Links.Select(l => new SpanLinkView(l.TraceId.ToString(), l.SpanId.ToString(), Map(l.Attributes)))],
        Map(span.Resource.Attributes),
        span.Scope.Name);

    /// <summary>Attributes with their JSON types (strings, numbers, booleans; arrays and maps as their JSON text).</summary>
    public static Dictionary<string, object?> Map(IReadOnlyList<KeyValue> attributes)
    {
        var map = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            map[a.Key] = a.Value.Kind switch
            {
                AttributeKind.Truth => a.Value.Integral != 0,
                AttributeKind.Integral => a.Value.Integral,
                AttributeKind.Real => a.Value.Real,
                AttributeKind.Empty => null,
                _ => a.Value.Text,
            };
        }

        return map;
    }
}
