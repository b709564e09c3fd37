namespace AIOps.Travel.Balancing;

/// <summary>
/// Smooth weighted round robin (the nginx algorithm): over any window of sum(weights) picks, each replica
/// is chosen exactly its weight's number of times, interleaved rather than in bursts.
/// </summary>
public sealed class WeightedRoundRobinStrategy : IBalancingStrategy
{
    private readonly Lock _gate = new();

    public BalancingStrategyKind Kind => BalancingStrategyKind.WeightedRoundRobin;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey)
    {
        lock (_gate)
        {
            long total = 0;
            InstanceState? best = null;
            foreach (var candidate in candidates)
            {
                var weight = Math.Max(1, candidate.Instance.Weight);
                candidate.CurrentWeight += weight;
                total += weight;
                if (best is null || candidate.CurrentWeight > best.CurrentWeight)
                {
                    best = candidate;
                }
            }

            best!.CurrentWeight -= total;
            return best;
        }
    }
}
