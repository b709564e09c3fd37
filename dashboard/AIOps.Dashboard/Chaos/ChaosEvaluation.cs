namespace AIOps.Dashboard.Chaos;

/// <summary>The scored chaos run.</summary>
/// <param name="Seed">The plan's seed, to run the same plan again.</param>
/// <param name="Results">Each case's outcome, in the order they ran.</param>
/// <param name="Overall">Every case together.</param>
/// <param name="ByFault">Per fault kind.</param>
/// <param name="FalseIncidents">Incidents opened while no fault was under way.</param>
/// <param name="QuietTime">How long no fault was under way while the analysis was watched.</param>
/// <param name="StoppedBecause">Why the run stopped before the plan's end; null when it ran to the end.</param>
public sealed record ChaosEvaluation(
    int Seed,
    IReadOnlyList<ChaosCaseResult> Results,
    ChaosSummary Overall,
    IReadOnlyDictionary<string, ChaosSummary> ByFault,
    IReadOnlyList<ChaosIncident> FalseIncidents,
    TimeSpan QuietTime,
    string? StoppedBecause = null);
