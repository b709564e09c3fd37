namespace AIOps.Dashboard.Healing;

/// <summary>
/// What one scenario run measured, times in seconds after its start (the injection, or the sale's start): time to
/// detect (the incident opened, or for a surge the first scaling decision), time to act (the change started), time to
/// recover (the action verified), and for a surge the latency objective at the gateway and the scale-in after it.
/// </summary>
public sealed record HealResult
{
    public required string Scenario { get; init; }

    public required string Target { get; init; }

    public required bool Remediation { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public double? DetectS { get; init; }

    public double? ActS { get; init; }

    public double? RecoverS { get; init; }

    public string? IncidentId { get; init; }

    public IReadOnlyList<string> Causes { get; init; } = [];

    public IReadOnlyList<HealStep> Actions { get; init; } = [];

    /// <summary>For a surge: the gateway's p95 objective, in ms.</summary>
    public double? ObjectiveMs { get; init; }

    /// <summary>For a surge: the gateway's p95 over the minute before the sale.</summary>
    public double? BaselineP95Ms { get; init; }

    /// <summary>For a surge: the worst 10-second p95 at the gateway during the sale.</summary>
    public double? WorstP95Ms { get; init; }

    /// <summary>For a surge: 10-second windows during the sale whose p95 broke the objective.</summary>
    public int? WindowsOverObjective { get; init; }

    /// <summary>For a surge: the highest error rate of a 10-second window during the sale.</summary>
    public double? WorstErrorRate { get; init; }

    /// <summary>For a surge: when the replicas were back where they started.</summary>
    public double? ScaledInS { get; init; }

    /// <summary>For a quiet run: how long it watched, and the incidents that opened meanwhile (each a false alarm).</summary>
    public double? WatchedS { get; init; }

    public IReadOnlyList<string> FalseIncidents { get; init; } = [];

    public required string Verdict { get; init; }
}
