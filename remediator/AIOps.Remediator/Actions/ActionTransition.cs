namespace AIOps.Remediator.Actions;

/// <summary>One move of an action's state, when, by whom (an operator, or "aiops") and why.</summary>
public sealed record ActionTransition(ActionState State, DateTimeOffset At, string By, string Reason);
