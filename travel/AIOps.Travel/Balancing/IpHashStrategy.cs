using AIOps.Travel.Hashing;

namespace AIOps.Travel.Balancing;

/// <summary>
/// Sticky by client address, with rendezvous (highest-random-weight) hashing: when a replica leaves,
/// only its own clients move; the others keep their replica. Without a client key it falls back to round robin.
/// </summary>
public sealed class IpHashStrategy : IBalancingStrategy
{
    private readonly RoundRobinStrategy _fallback = new();

    public BalancingStrategyKind Kind => BalancingStrategyKind.IpHash;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey)
    {
        if (string.IsNullOrEmpty(clientKey))
        {
            return _fallback.Pick(candidates, clientKey);
        }

        InstanceState? best = null;
        ulong bestScore = 0;
        foreach (var candidate in candidates)
        {
            var score = Score(clientKey, candidate.Instance.InstanceId);
            if (best is null || score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best!;
    }

    internal static ulong Score(string clientKey, string instanceId) =>
        StableHash.Of(clientKey, instanceId);
}
