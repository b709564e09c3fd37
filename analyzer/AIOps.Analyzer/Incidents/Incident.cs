using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Incidents;

/// <summary>
/// Signals close in time on services linked through the dependency graph, grouped: what an on-call SRE gets paged
/// for once, not once per symptom. Open while any of its signals lasts, resolved once all have been quiet a while.
/// </summary>
public sealed record Incident
{
    public required string Id { get; init; }

    public required IncidentStatus Status { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The first signal in words, e.g. "LatencyP95 up on hotel: 412 ms against 35 ms".</summary>
    public required string Title { get; init; }

    /// <summary>The services with signals, in the order their first signal started.</summary>
    public required IReadOnlyList<string> Services { get; init; }

    public required IReadOnlyList<IncidentSignal> Signals { get; init; }

    public required IReadOnlyList<IncidentEvent> Timeline { get; init; }

    /// <summary>The suspected root causes, most likely first: empty until the incident has been ranked.</summary>
    public IReadOnlyList<RankedCause> Causes { get; init; } = [];

    /// <summary>When <see cref="Causes"/> were ranked; null before the first ranking.</summary>
    public DateTimeOffset? CausesRankedAt { get; init; }
}
