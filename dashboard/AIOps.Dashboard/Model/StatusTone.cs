using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Actions;

namespace AIOps.Dashboard.Model;

/// <summary>The badge tone (ok, warn, bad) of an incident's, an action's or an alert's status, and its word.</summary>
public static class StatusTone
{
    public static string Of(IncidentStatus status) => status == IncidentStatus.Open ? "bad" : "ok";

    public static string Of(ActionState state) => state switch
    {
        ActionState.Succeeded => "ok",
        ActionState.RolledBack or ActionState.Escalated or ActionState.Blocked => "bad",
        _ => "warn",
    };

    /// <summary>Alertmanager's statuses: firing or resolved.</summary>
    public static string OfAlert(string status) => status == "resolved" ? "ok" : "bad";

    /// <summary>The state as one lower-case word: proposed, rolledback.</summary>
    public static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
