namespace AIOps.Travel.Balancing;

/// <summary>
/// The replica with the lowest expected wait: its latency average times (requests in flight + 1).
/// Replicas with no measurement yet are tried first, so a new replica is measured at once.
/// </summary>
public sealed class LeastResponseTimeStrategy : IBalancingStrategy
{
    private uint _offset;

    public BalancingStrategyKind Kind => BalancingStrategyKind.LeastResponseTime;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey)
    {
        var start = (int)(Interlocked.Increment(ref _offset) % (uint)candidates.Count);
        InstanceState? best = null;
        var bestCost = double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[(start + i) % candidates.Count];
            var cost = Cost(candidate);
            if (cost < bestCost)
            {
                best = candidate;
                bestCost = cost;
            }
        }

        return best!;
    }

    internal static double Cost(InstanceState state) =>
        state.EwmaLatencyMs is { } latency ? latency * (state.InFlight + 1) : -1;
}
