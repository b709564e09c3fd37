namespace AIOps.Remediator.Policies;

/// <summary>One rule: which incidents it matches, what it does, how far it may go alone, and how the result is checked.</summary>
public sealed class RemediationPolicy
{
    public required string Name { get; init; }

    public RemediationMode Mode { get; init; } = RemediationMode.Shadow;

    public PolicyMatch Match { get; init; } = new();

    public required PolicyAction Action { get; init; }

    /// <summary>How long after an action on a target before this policy may act on it again.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the incident's signals have to recover before the action counts as failed.</summary>
    public TimeSpan VerifyWithin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The line of the policy file the rule starts at, for the audit log and error messages.</summary>
    public int Line { get; init; }
}
