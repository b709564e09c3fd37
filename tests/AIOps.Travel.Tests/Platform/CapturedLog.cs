namespace AIOps.Travel.Tests.Platform;

/// <summary>A log record as the test receiver decoded it.</summary>
public sealed record CapturedLog(string TraceId, string SpanId, string Service, int Severity, string Body, IReadOnlyDictionary<string, string> Attributes);
