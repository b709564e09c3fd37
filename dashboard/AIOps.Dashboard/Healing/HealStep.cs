namespace AIOps.Dashboard.Healing;

/// <summary>One remediation action as the run saw it, its times in seconds after the scenario's start (the injection or the sale).</summary>
public sealed record HealStep(string Id, string Policy, string Service, string Type, string State, string Summary, int? FromReplicas, int? ToReplicas, double DecidedS, double? StartedS, double? FinishedS);
