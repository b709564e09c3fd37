namespace AIOps.Collector.Model;

/// <summary>The spans of one export request.</summary>
public sealed record TraceBatch(IReadOnlyList<SpanData> Spans);
