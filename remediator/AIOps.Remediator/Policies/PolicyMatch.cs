namespace AIOps.Remediator.Policies;

/// <summary>
/// Which incidents or alerts a policy acts on. Every list left empty matches anything; within a list any entry
/// matches; all lists must match.
/// </summary>
public sealed class PolicyMatch
{
    /// <summary>The service acted on: the incident's top root cause, or the alert's service label.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The top cause's indicator: latency, errors, cpu, memory, saturation, network, change.</summary>
    public IReadOnlyList<string> CauseIndicators { get; init; } = [];

    /// <summary>The kinds of signal the incident must have at least one of (an indicator such as LatencyP95, Memory).</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>critical, warning or info.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Where the trigger comes from: "incident" (our analysis), "alert" (an Alertmanager webhook), or both when empty.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>For alerts: the alert names (the alertname label) matched.</summary>
    public IReadOnlyList<string> AlertNames { get; init; } = [];
}
