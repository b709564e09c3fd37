using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// An alert from another source as policies see it: its <c>service</c> label is the service to act on, its
/// <c>instance</c>, <c>severity</c> and <c>alertname</c> labels the rest. Alerts without a service are not for
/// policies. Pure.
/// </summary>
public static class AlertFacts
{
    public static TriggerFacts? From(ReceivedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!alert.Labels.TryGetValue("service", out var service) || service.Length == 0)
        {
            return null;
        }

        return new TriggerFacts(
            "alert",
            service,
            alert.Labels.GetValueOrDefault("instance"),
            alert.Labels.GetValueOrDefault("indicator"),
            new HashSet<string>(StringComparer.Ordinal),
            alert.Labels.GetValueOrDefault("severity") ?? "warning",
            alert.Labels.GetValueOrDefault("alertname"));
    }
}
