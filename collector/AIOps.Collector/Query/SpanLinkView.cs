namespace AIOps.Collector.Query;

/// <summary>A span link in the query API.</summary>
public sealed record SpanLinkView(string TraceId, string SpanId, IReadOnlyDictionary<string, object?> Attributes);
