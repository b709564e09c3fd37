namespace AIOps.Collector.Query;

/// <summary>A span event in the query API.</summary>
public sealed record SpanEventView(string TimeUnixNano, string Name, IReadOnlyDictionary<string, object?> Attributes);
