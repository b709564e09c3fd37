namespace AIOps.Travel.Balancing;

/// <summary>Creates the strategy for a kind.</summary>
public static class BalancingStrategies
{
    public static IBalancingStrategy Create(BalancingStrategyKind kind) => kind switch
    {
        BalancingStrategyKind.RoundRobin => new RoundRobinStrategy(),
        BalancingStrategyKind.LeastConnections => new LeastConnectionsStrategy(),
        BalancingStrategyKind.WeightedRoundRobin => new WeightedRoundRobinStrategy(),
        BalancingStrategyKind.IpHash => new IpHashStrategy(),
        BalancingStrategyKind.LeastResponseTime => new LeastResponseTimeStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown balancing strategy"),
    };
}
