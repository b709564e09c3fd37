using System.Diagnostics;

namespace AIOps.Travel.Balancing;

/// <summary>
/// Least expected response time with the power of two choices (as Finagle and Linkerd balance): two
/// distinct replicas drawn at random, the one with the lower latency average times (requests in flight
/// + 1) wins. A slow replica loses every draw against a fast one, while equally fast replicas share
/// the load instead of one of them taking it all. A replica never measured is tried first, and the
/// average of one that got no traffic decays with time, so a recovered replica is measured again.
/// </summary>
public sealed class LeastResponseTimeStrategy : IBalancingStrategy
{
    public BalancingStrategyKind Kind => BalancingStrategyKind.LeastResponseTime;

    public InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var first = Random.Shared.Next(candidates.Count);
        var second = (first + 1 + Random.Shared.Next(candidates.Count - 1)) % candidates.Count;
        var now = Stopwatch.GetTimestamp();
        return Cost(candidates[second], now) < Cost(candidates[first], now) ? candidates[second] : candidates[first];
    }

    /// <summary>Negative for a replica never measured; otherwise the expected wait in milliseconds.</summary>
    internal static double Cost(InstanceState state, long now) =>
        state.LatencyAt(now) is { } latency ? latency * (state.InFlight + 1) : -1;
}
