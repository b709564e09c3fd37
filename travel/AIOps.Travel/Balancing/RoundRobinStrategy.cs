namespace AIOps.Travel.Balancing;

/// <summary>Each replica in turn.</summary>
public sealed class RoundRobinStrategy : IBalancingStrategy
{
    private uint _next;

    public BalancingStrategyKind Kind => BalancingStrategyKind.RoundRobin;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey) =>
        candidates[(int)(Interlocked.Increment(ref _next) % (uint)candidates.Count)];
}
