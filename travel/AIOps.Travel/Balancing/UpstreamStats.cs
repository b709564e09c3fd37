namespace AIOps.Travel.Balancing;

/// <summary>What a caller has sent to one replica of a dependency.</summary>
public sealed record UpstreamStats(string InstanceId, string Address, int Weight, long Served, int InFlight, double? EwmaLatencyMs);
