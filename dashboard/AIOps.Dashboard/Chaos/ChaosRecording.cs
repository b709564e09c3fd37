namespace AIOps.Dashboard.Chaos;

/// <summary>A whole chaos run as recorded: its seed, what was injected when, and every incident the host opened meanwhile.</summary>
/// <param name="Seed">The plan's seed.</param>
/// <param name="Runs">The cases, in the order they ran.</param>
/// <param name="Incidents">The incidents opened from <paramref name="ObservedFrom"/> on, read once the last case had settled.</param>
/// <param name="ObservedFrom">When the analysis was warm and the first quiet period began.</param>
/// <param name="ObservedTo">When the last case had settled.</param>
/// <param name="StoppedBecause">Why the run stopped before the plan's end (the platform could not take the next case); null when it ran to the end.</param>
public sealed record ChaosRecording(int Seed, IReadOnlyList<ChaosCaseRun> Runs, IReadOnlyList<ChaosIncident> Incidents, DateTimeOffset ObservedFrom, DateTimeOffset ObservedTo, string? StoppedBecause = null);
