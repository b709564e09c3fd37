using System.Globalization;
using System.Text.Json;
using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Actions;

namespace AIOps.Remediator.Reports;

/// <summary>Builds the report of one UTC day from the incidents and the actions. Pure.</summary>
public static class RemediationReportBuilder
{
    public static RemediationReport Build(DateOnly day, IReadOnlyList<Incident> incidents, IReadOnlyList<RemediationAction> actions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(actions);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);
        bool Within(DateTimeOffset? at) => at >= start && at < end;

        var opened = incidents.Where(i => Within(i.OpenedAt)).ToList();
        var resolved = incidents.Where(i => Within(i.ResolvedAt)).ToList();
        var decided = actions.Where(a => Within(a.CreatedAt)).ToList();
        var byIncident = incidents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var toAct = decided
            .Where(a => a.StartedAt is not null && a.Trigger.Source is "incident" or "alert" && byIncident.ContainsKey(a.Trigger.Id))
            .GroupBy(a => a.Trigger.Id)
            .Select(g => (g.Min(a => a.StartedAt!.Value) - byIncident[g.Key].OpenedAt).TotalSeconds)
            .ToList();
        return new RemediationReport
        {
            Day = day,
            GeneratedAt = now,
            IncidentsOpened = opened.Count,
            IncidentsResolved = resolved.Count,
            MedianTimeToResolveS = Median(resolved.Select(i => (i.ResolvedAt!.Value - i.OpenedAt).TotalSeconds)),
            MedianTimeToActS = Median(toAct),
            Actions = decided.Count,
            ByState = Count(decided, a => Name(a.State)),
            ByPolicy = Count(decided, a => a.Policy),
            ByService = Count(decided, a => a.Service),
            Attention = [.. decided
                .Where(a => a.State is ActionState.Escalated or ActionState.RolledBack or ActionState.Blocked or ActionState.Expired or ActionState.Rejected)
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.CreatedAt:HH:mm} {a.Id} {a.Policy} on {a.Service}: {Name(a.State)}: {a.History[^1].Reason}"))],
        };
    }

    private static Dictionary<string, int> Count(IEnumerable<RemediationAction> actions, Func<RemediationAction, string> key) =>
        actions.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Name(ActionState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null
            : Math.Round(sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, 1);
    }
}
