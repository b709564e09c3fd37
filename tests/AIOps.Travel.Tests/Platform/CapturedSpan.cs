namespace AIOps.Travel.Tests.Platform;

/// <summary>A span as the test receiver decoded it.</summary>
public sealed record CapturedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, string Service, IReadOnlyDictionary<string, string> Resource, IReadOnlyList<string> Events, IReadOnlyDictionary<string, string> Attributes, int StatusCode);
