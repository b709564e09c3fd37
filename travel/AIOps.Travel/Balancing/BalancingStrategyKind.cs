namespace AIOps.Travel.Balancing;

/// <summary>How a caller chooses among the live replicas of a service.</summary>
public enum BalancingStrategyKind
{
    RoundRobin,
    LeastConnections,
    WeightedRoundRobin,
    IpHash,
    LeastResponseTime,
}
