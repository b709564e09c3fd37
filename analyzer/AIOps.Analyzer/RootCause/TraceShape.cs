namespace AIOps.Analyzer.RootCause;

/// <summary>One trace as spectrum scoring sees it: its entry, what it passed through, whether it failed, how long it took.</summary>
/// <param name="TraceId">The trace.</param>
/// <param name="Entry">The service and operation of its first root span.</param>
/// <param name="Operations">Every (service, operation) it ran.</param>
/// <param name="Services">Every service it passed through.</param>
/// <param name="Failed">Whether any of its spans failed.</param>
/// <param name="DurationMs">From its first start to its last end, in milliseconds.</param>
internal sealed record TraceShape(
    string TraceId,
    (string Service, string Operation) Entry,
    HashSet<(string Service, string Operation)> Operations,
    HashSet<string> Services,
    bool Failed,
    double DurationMs);
