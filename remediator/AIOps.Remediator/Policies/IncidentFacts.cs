using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.Signals;

namespace AIOps.Remediator.Policies;

/// <summary>
/// An incident as policies see it: the service to act on is the top root cause (the first service with a signal
/// while it is unranked), and its severity is how the users feel it. Pure.
/// </summary>
public static class IncidentFacts
{
    /// <summary>The service where requests enter: slowness there is slowness users see.</summary>
    public const string EntryService = "gateway";

    public static TriggerFacts From(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var top = incident.Causes.Count > 0 ? incident.Causes[0] : null;
        return new TriggerFacts(
            "incident",
            top?.Service ?? (incident.Services.Count > 0 ? incident.Services[0] : ""),
            top?.Instance,
            top?.Indicator,
            incident.Signals.Select(s => s.Indicator.ToString()).ToHashSet(StringComparer.Ordinal),
            Severity(incident));
    }

    /// <summary>
    /// critical: requests fail, or the entry service is slow (users see it); warning: other request signals (a
    /// slower or quieter internal service); info: resource signals alone (CPU, memory, queues) with no request moved.
    /// </summary>
    public static string Severity(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var signals = incident.Signals;
        if (signals.Any(s => s.Indicator == Indicator.ErrorRate
            || (s.Service == EntryService && s.Indicator is Indicator.LatencyP95 or Indicator.LatencyP99)))
        {
            return "critical";
        }

        return signals.Any(s => s.Indicator is Indicator.LatencyP95 or Indicator.LatencyP99 or Indicator.RequestRate) ? "warning" : "info";
    }
}
