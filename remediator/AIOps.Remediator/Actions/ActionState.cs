namespace AIOps.Remediator.Actions;

/// <summary>
/// Where an action is in its life: Proposed -> Approved -> Executing -> Verifying -> Succeeded, RolledBack or
/// Escalated; or it ends early as Rejected, Expired, Blocked (the safety envelope said no) or Shadowed (recorded only).
/// A failed verification ends RolledBack when the change could be undone (a scale), Escalated when it could not (a
/// restart); both page a human.
/// </summary>
public enum ActionState
{
    Proposed,
    Approved,
    Executing,
    Verifying,
    Succeeded,
    RolledBack,
    Escalated,
    Rejected,
    Expired,
    Blocked,
    Shadowed,
}
