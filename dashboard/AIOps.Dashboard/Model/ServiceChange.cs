using AIOps.Analyzer.RootCause;
using AIOps.Remediator.Actions;

namespace AIOps.Dashboard.Model;

/// <summary>Something that changed a service: a restart or scaling, a remediation action, or an injected fault.</summary>
/// <param name="Time">When.</param>
/// <param name="Kind">restart, scale, … (as the change log says), action, or fault.</param>
/// <param name="Text">What happened.</param>
/// <param name="Instance">The instance concerned, if one.</param>
/// <param name="Href">Where to read more, if anywhere.</param>
public sealed record ServiceChange(DateTimeOffset Time, string Kind, string Text, string? Instance, string? Href)
{
    /// <summary>
    /// The changes of <paramref name="service"/> in [from, to], newest first, at most <paramref name="limit"/>: the change
    /// log's (already of the range), the remediation actions on it created in the range or still running, and the
    /// platform's fault events. Pure.
    /// </summary>
    public static IReadOnlyList<ServiceChange> Merge(
        string service,
        IReadOnlyList<ChangeEvent> changes,
        IReadOnlyList<RemediationAction> actions,
        IReadOnlyList<FaultEvent> faults,
        DateTimeOffset from,
        DateTimeOffset to,
        int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(faults);
        var logged = changes.Where(c => string.Equals(c.Service, service, StringComparison.Ordinal))
            .Select(c => new ServiceChange(DateTimeOffset.FromUnixTimeMilliseconds(c.TimeMs), c.Kind, c.Description, c.Instance, null));
        var acted = actions.Where(a => string.Equals(a.Service, service, StringComparison.Ordinal)
                && ((a.CreatedAt >= from && a.CreatedAt <= to) || !ActionStates.IsFinal(a.State)))
            .Select(a => new ServiceChange(a.CreatedAt, "action", $"{a.Type} ({a.State.ToString().ToLowerInvariant()}): {a.Plan.Summary}", a.Instance, "/remediation"));
        var injected = faults.Where(f => f.Time >= from && f.Time <= to)
            .Select(f => new ServiceChange(f.Time, "fault", $"fault {f.What}: {f.Describe()}", f.Instance, null));
        return [.. logged.Concat(acted).Concat(injected).OrderByDescending(c => c.Time).Take(limit)];
    }
}
