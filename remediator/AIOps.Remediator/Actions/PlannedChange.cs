namespace AIOps.Remediator.Actions;

/// <summary>What a policy would change on a service now, or why it would change nothing.</summary>
/// <param name="Summary">The change in words, or the reason there is none.</param>
/// <param name="Instance">The instance to restart, for instance restarts.</param>
/// <param name="FromReplicas">The replicas (or floor) before, for scaling.</param>
/// <param name="ToReplicas">The replicas (or floor) after, for scaling.</param>
/// <param name="Nothing">True when the policy has nothing to do (already at the bound, no instance named, too few healthy).</param>
public sealed record PlannedChange(string Summary, string? Instance, int? FromReplicas, int? ToReplicas, bool Nothing = false)
{
    public static PlannedChange None(string reason) => new(reason, null, null, null, true);
}
