namespace AIOps.Collector.Query;

/// <summary>One trace in search results, from its entry spans.</summary>
public sealed record TraceSummary(
    string TraceId,
    long StartUnixNano,
    double DurationMs,
    string RootService,
    string RootOperation,
    IReadOnlyList<string> Services,
    int EntrySpans,
    bool Error);
