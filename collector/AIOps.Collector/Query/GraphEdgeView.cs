namespace AIOps.Collector.Query;

/// <summary>A caller -> callee edge with its call rate, error rate and latency over the range.</summary>
public sealed record GraphEdgeView(string Caller, string Callee, long Calls, double Rate, double ErrorRate, double? P95Ms);
