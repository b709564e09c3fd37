namespace AIOps.Dashboard.Chaos;

/// <summary>What a chaos plan covers and how its timing is drawn.</summary>
public sealed record ChaosPlanOptions
{
    /// <summary>Seeds the order of the cases, their dependencies and their timing: the same seed, the same plan.</summary>
    public required int Seed { get; init; }

    public IReadOnlyList<string> Services { get; init; } = ChaosCatalog.Services;

    public IReadOnlyList<string> Kinds { get; init; } = ChaosCatalog.Kinds;

    public SecondsRange FaultSeconds { get; init; } = new(60, 90);

    public SecondsRange QuietSeconds { get; init; } = new(30, 60);

    /// <summary>The plan's case to start at, from 1: a long plan runs in parts, each part the same cases as in the whole.</summary>
    public int From { get; init; } = 1;

    /// <summary>Only this many cases from <see cref="From"/> on (a quick run); null: all of the rest.</summary>
    public int? Limit { get; init; }
}
