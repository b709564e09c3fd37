namespace AIOps.Remediator.Policies;

/// <summary>How far a policy may go on its own.</summary>
public enum RemediationMode
{
    /// <summary>The policy is ignored.</summary>
    Off,

    /// <summary>Decide and record what would be done, never act: how a new policy earns trust.</summary>
    Shadow,

    /// <summary>Propose the action and wait for an operator, who must approve it before it expires.</summary>
    Approve,

    /// <summary>Act inside the safety envelope without waiting for anyone.</summary>
    Auto,
}
