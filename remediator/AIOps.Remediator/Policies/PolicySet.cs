namespace AIOps.Remediator.Policies;

/// <summary>A policy file: the rules, the limits they share, the freeze windows and the kill switch.</summary>
public sealed class PolicySet
{
    /// <summary>When on, nothing acts: decisions are recorded as blocked.</summary>
    public bool KillSwitch { get; init; }

    public SafetyLimits Limits { get; init; } = new();

    public IReadOnlyList<FreezeWindow> Freezes { get; init; } = [];

    public IReadOnlyList<RemediationPolicy> Policies { get; init; } = [];
}
