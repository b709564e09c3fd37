namespace AIOps.Dashboard.Bench;

/// <summary>One load phase: items the target accepted per second, request latency percentile, busy answers.</summary>
public sealed record LoadResult(double ItemsPerSecond, double P99Ms, long Requests, long Busy, long Failed, string? FirstFailure);
