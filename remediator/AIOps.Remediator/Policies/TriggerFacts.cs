namespace AIOps.Remediator.Policies;

/// <summary>What policies are matched against: the facts of one incident or alert.</summary>
/// <param name="Source">"incident" or "alert".</param>
/// <param name="Service">The service to act on: the incident's top root cause, or the alert's service label.</param>
/// <param name="Instance">The instance at fault, when the evidence names one.</param>
/// <param name="CauseIndicator">The top cause's indicator (latency, errors, cpu, memory, saturation, ...), when known.</param>
/// <param name="Signals">The kinds of signal the incident has (indicator names such as LatencyP95).</param>
/// <param name="Severity">critical, warning or info.</param>
/// <param name="AlertName">For alerts, the alertname label.</param>
public sealed record TriggerFacts(
    string Source,
    string Service,
    string? Instance,
    string? CauseIndicator,
    IReadOnlySet<string> Signals,
    string Severity,
    string? AlertName = null);
