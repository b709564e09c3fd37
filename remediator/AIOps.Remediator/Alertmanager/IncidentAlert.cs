using System.Globalization;
using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// An incident as an Alertmanager alert: labels alertname=AIOpsIncident, service (the top cause, or the first
/// service with a signal), severity and incident_id identify it, indicator and instance name the top cause's; annotations carry the title, the ranked causes and
/// the dashboard link; generatorURL points at the incident. A resolved incident's alert ends when it resolved. Pure.
/// </summary>
public static class IncidentAlert
{
    public const string AlertName = "AIOpsIncident";

    public static OutgoingAlert From(Incident incident, Uri dashboard)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(dashboard);
        var facts = IncidentFacts.From(incident);
        var link = new Uri(dashboard, "incidents/" + Uri.EscapeDataString(incident.Id));
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = incident.Title,
            ["description"] = $"{incident.Signals.Count} signals on {string.Join(", ", incident.Services)}",
            ["dashboard"] = link.ToString(),
        };
        if (incident.Causes.Count > 0)
        {
            annotations["rca"] = string.Join("; ", incident.Causes.Take(3).Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Service} ({c.Indicator}, {c.Score:0.00}){(c.Evidence.Count > 0 ? ": " + c.Evidence[0].Detail : "")}")));
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = AlertName,
            ["service"] = facts.Service,
            ["severity"] = facts.Severity,
            ["incident_id"] = incident.Id,
        };

        // The top cause's indicator and instance, when known, so that policies on alerts can act as on the incident.
        if (facts.CauseIndicator is { Length: > 0 } indicator)
        {
            labels["indicator"] = indicator;
        }

        if (facts.Instance is { Length: > 0 } instance)
        {
            labels["instance"] = instance;
        }

        return new OutgoingAlert(
            labels,
            annotations,
            incident.OpenedAt,
            incident.Status == IncidentStatus.Resolved ? incident.ResolvedAt ?? incident.UpdatedAt : null,
            link);
    }
}
