namespace AIOps.Collector.Model;

/// <summary>A timed event inside a span (exceptions, fault announcements).</summary>
public sealed record SpanEvent(long TimeUnixNano, string Name, IReadOnlyList<KeyValue> Attributes);
