namespace AIOps.Travel.Balancing;

/// <summary>The replica with the fewest requests in flight; ties go round robin so idle replicas share the load.</summary>
public sealed class LeastConnectionsStrategy : IBalancingStrategy
{
    private uint _offset;

    public BalancingStrategyKind Kind => BalancingStrategyKind.LeastConnections;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey)
    {
        var start = (int)(Interlocked.Increment(ref _offset) % (uint)candidates.Count);
        var best = candidates[start];
        for (var i = 1; i < candidates.Count; i++)
        {
            var candidate = candidates[(start + i) % candidates.Count];
            if (candidate.InFlight < best.InFlight)
            {
                best = candidate;
            }
        }

        return best;
    }
}
