namespace AIOps.Travel.Balancing;

/// <summary>Chooses one replica among the candidates (never empty). Implementations are thread-safe.</summary>
public interface IBalancingStrategy
{
    BalancingStrategyKind Kind { get; }

    InstanceState Pick(IReadOnlyList<InstanceState> candidates, string? clientKey);
}
