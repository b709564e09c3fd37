namespace AIOps.Remediator.Actions;

/// <summary>
/// Exactly what an action will change, shown before it runs: a sentence, the replica counts for scaling, and the
/// driver's own request lines (for Kubernetes, the method, path and body it will send).
/// </summary>
public sealed record ActionPlan(string Summary, int? FromReplicas, int? ToReplicas, IReadOnlyList<string> Changes);
