namespace AIOps.Dashboard.Chaos;

/// <summary>How the host did on one case.</summary>
/// <param name="Run">The case as it ran.</param>
/// <param name="Incident">The first incident opened in the case's detection window; null: not detected.</param>
/// <param name="Rank">The faulty service's rank in that incident's causes (1 is first); 0 when undetected or not ranked.</param>
/// <param name="OtherIncidents">Further incidents opened while the case was under way (not counted as false).</param>
public sealed record ChaosCaseResult(ChaosCaseRun Run, ChaosIncident? Incident, int Rank, IReadOnlyList<ChaosIncident> OtherIncidents)
{
    public bool Detected => Incident is not null;

    /// <summary>From injection to the incident's opening, in seconds; null when undetected.</summary>
    public double? DelaySeconds => Incident is null ? null : (Incident.OpenedAt - Run.InjectedAt).TotalSeconds;

    /// <summary>
    /// From injection to the moment the driver saw the incident through the API, in seconds: the delay an SRE
    /// lives, later than <see cref="DelaySeconds"/> by the analysis' lag. Null when undetected or not seen as such.
    /// </summary>
    public double? VisibleDelaySeconds => Incident is not null && Run.Seen is { } seen && seen.IncidentId == Incident.Id
        ? (seen.At - Run.InjectedAt).TotalSeconds
        : null;

    /// <summary>The service the incident blamed first, if any.</summary>
    public string? TopCause => Incident is { Causes.Count: > 0 } incident ? incident.Causes[0] : null;
}
