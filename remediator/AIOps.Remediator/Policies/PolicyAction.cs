namespace AIOps.Remediator.Policies;

/// <summary>What a policy does and within which bounds.</summary>
public sealed class PolicyAction
{
    public required RemediationActionType Type { get; init; }

    /// <summary>For scale-out: how many replicas to add.</summary>
    public ReplicaChange? Replicas { get; init; }

    /// <summary>The fewest replicas scaling may leave.</summary>
    public int MinReplicas { get; init; } = 1;

    /// <summary>The most replicas scaling may reach.</summary>
    public int MaxReplicas { get; init; } = 10;

    /// <summary>During restarts, replicas that must stay ready: a restart that would go below waits.</summary>
    public int MinHealthy { get; init; } = 1;

    /// <summary>For predictive scaling: capacity kept above the forecast peak, as a fraction (0.3 = 30 %).</summary>
    public double Headroom { get; init; } = 0.3;

    /// <summary>For predictive scaling: how far ahead the forecast is read.</summary>
    public TimeSpan Lead { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>For predictive scaling: the request rate one replica serves at the utilisation target.</summary>
    public double RatePerReplica { get; init; }
}
