namespace AIOps.Collector.Model;

/// <summary>A link from a span to another span, possibly of another trace.</summary>
public sealed record SpanLink(TraceId TraceId, SpanId SpanId, string? TraceState, IReadOnlyList<KeyValue> Attributes);
