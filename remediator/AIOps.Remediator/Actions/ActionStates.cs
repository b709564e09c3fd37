namespace AIOps.Remediator.Actions;

/// <summary>The action state machine's rules: which moves are allowed, and which states are final or count as changing a service.</summary>
public static class ActionStates
{
    private static readonly Dictionary<ActionState, ActionState[]> s_next = new()
    {
        [ActionState.Proposed] = [ActionState.Approved, ActionState.Rejected, ActionState.Expired, ActionState.Blocked, ActionState.Shadowed],
        [ActionState.Approved] = [ActionState.Executing, ActionState.Blocked, ActionState.Expired],
        [ActionState.Executing] = [ActionState.Verifying, ActionState.Escalated],
        [ActionState.Verifying] = [ActionState.Succeeded, ActionState.RolledBack, ActionState.Escalated],
    };

    public static bool CanMove(ActionState from, ActionState to) => s_next.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>No further move: the action's outcome is known.</summary>
    public static bool IsFinal(ActionState state) => !s_next.ContainsKey(state);

    /// <summary>The service is being changed or checked: it counts against the concurrency limit.</summary>
    public static bool IsChanging(ActionState state) => state is ActionState.Executing or ActionState.Verifying;

    /// <summary>The action touched the service (it ran), so it counts against rate limits and cooldowns.</summary>
    public static bool HasRun(ActionState state) =>
        state is ActionState.Executing or ActionState.Verifying or ActionState.Succeeded or ActionState.RolledBack or ActionState.Escalated;
}
