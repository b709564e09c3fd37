using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Actions;

/// <summary>One decision of the remediator and everything that happened to it: the audit record of an action.</summary>
public sealed record RemediationAction
{
    public required string Id { get; init; }

    /// <summary>The policy that decided it.</summary>
    public required string Policy { get; init; }

    public required RemediationMode Mode { get; init; }

    public required RemediationActionType Type { get; init; }

    public required string Service { get; init; }

    /// <summary>The instance acted on, for instance restarts.</summary>
    public string? Instance { get; init; }

    public required ActionTrigger Trigger { get; init; }

    public required ActionPlan Plan { get; init; }

    public required ActionState State { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a proposal waiting for approval expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the action started changing the service.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When verification gives up waiting for the signals to recover.</summary>
    public DateTimeOffset? VerifyBy { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? ApprovedBy { get; init; }

    /// <summary>The Alertmanager silence held while the action runs, if any.</summary>
    public string? SilenceId { get; init; }

    /// <summary>Every state the action went through, oldest first.</summary>
    public required IReadOnlyList<ActionTransition> History { get; init; }

    /// <summary>Whether this action ran and raised the replicas (or the floor): a scale-out or a predictive raise.</summary>
    public bool RaisedReplicas() => ActionStates.HasRun(State) && Plan.ToReplicas > Plan.FromReplicas;

    /// <summary>
    /// This action moved to <paramref name="state"/>; throws when the state machine does not allow the move.
    /// </summary>
    public RemediationAction MoveTo(ActionState state, DateTimeOffset at, string by, string reason)
    {
        if (!ActionStates.CanMove(State, state))
        {
            throw new InvalidOperationException($"action {Id} cannot move from {State} to {state}");
        }

        return this with
        {
            State = state,
            History = [.. History, new ActionTransition(state, at, by, reason)],
            StartedAt = state == ActionState.Executing ? at : StartedAt,
            ApprovedBy = state == ActionState.Approved ? by : ApprovedBy,
            FinishedAt = ActionStates.IsFinal(state) ? at : FinishedAt,
        };
    }
}
