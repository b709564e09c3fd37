namespace AIOps.Remediator.Policies;

/// <summary>Which policies of a set act on a trigger. Pure.</summary>
public static class PolicyMatcher
{
    /// <summary>The actions that answer an open incident or a firing alert (scale-in waits for recovery, predictive scaling for the forecast).</summary>
    public static readonly IReadOnlyList<RemediationActionType> Reactive =
        [RemediationActionType.ScaleOut, RemediationActionType.RollingRestart, RemediationActionType.RestartInstance];

    /// <summary>The policies, in file order, not off, of one of <paramref name="types"/>, whose match accepts <paramref name="facts"/>.</summary>
    public static IReadOnlyList<RemediationPolicy> Select(PolicySet set, TriggerFacts facts, IReadOnlyList<RemediationActionType> types)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(types);
        return [.. set.Policies.Where(p => p.Mode != RemediationMode.Off && types.Contains(p.Action.Type) && Matches(p.Match, facts))];
    }

    /// <summary>Whether every non-empty list of <paramref name="match"/> holds the trigger's value.</summary>
    public static bool Matches(PolicyMatch match, TriggerFacts facts)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(facts);
        return Holds(match.Sources, facts.Source)
            && Holds(match.Services, facts.Service)
            && Holds(match.CauseIndicators, facts.CauseIndicator)
            && Holds(match.Severities, facts.Severity)
            && Holds(match.AlertNames, facts.AlertName)
            && (match.Signals.Count == 0 || match.Signals.Any(s => facts.Signals.Contains(s)));
    }

    private static bool Holds(IReadOnlyList<string> wanted, string? value) =>
        wanted.Count == 0 || (value is not null && wanted.Contains(value, StringComparer.OrdinalIgnoreCase));
}
