namespace AIOps.Travel.Load;

/// <summary>Per endpoint: calls, server errors, client errors, latency percentiles in milliseconds.</summary>
public sealed record EndpointStats(string Endpoint, long Count, long Errors, long ClientErrors, double P50Ms, double P95Ms, double P99Ms);
