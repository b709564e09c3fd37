namespace AIOps.Remediator.Reports;

/// <summary>
/// One UTC day of incidents and remediation, for the morning review: what opened and resolved and how fast, what the
/// remediator decided and how each decision ended, and what needs a person (escalations, blocks, expired approvals).
/// </summary>
public sealed record RemediationReport
{
    public required DateOnly Day { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required int IncidentsOpened { get; init; }

    public required int IncidentsResolved { get; init; }

    /// <summary>Median seconds from opening to resolution, over the incidents that resolved this day.</summary>
    public double? MedianTimeToResolveS { get; init; }

    /// <summary>Median seconds from an incident's opening to the start of the first action on it.</summary>
    public double? MedianTimeToActS { get; init; }

    public required int Actions { get; init; }

    /// <summary>Actions by their state at the end of the day.</summary>
    public required IReadOnlyDictionary<string, int> ByState { get; init; }

    public required IReadOnlyDictionary<string, int> ByPolicy { get; init; }

    public required IReadOnlyDictionary<string, int> ByService { get; init; }

    /// <summary>Actions a person should look at: escalated, rolled back, blocked, expired or rejected, with the reason.</summary>
    public required IReadOnlyList<string> Attention { get; init; }
}
