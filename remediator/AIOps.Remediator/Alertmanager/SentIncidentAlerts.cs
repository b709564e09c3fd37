namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// The label set last sent for each incident. Alertmanager knows an alert by its labels: when a re-ranking moves an
/// incident's top cause, the alert under the old labels is ended at once rather than left to time out as a second,
/// stale alert.
/// </summary>
public sealed class SentIncidentAlerts
{
    private readonly Dictionary<string, OutgoingAlert> _sent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The alerts to post: <paramref name="alerts"/>, plus each replaced label set ended at <paramref name="now"/>.</summary>
    public IReadOnlyList<OutgoingAlert> Post(IReadOnlyList<OutgoingAlert> alerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var posted = new List<OutgoingAlert>(alerts);
        lock (_gate)
        {
            foreach (var alert in alerts)
            {
                var id = alert.Labels.GetValueOrDefault("incident_id") ?? string.Empty;
                if (_sent.TryGetValue(id, out var previous) && !Same(previous.Labels, alert.Labels))
                {
                    posted.Add(previous with { EndsAt = now });
                }

                if (alert.EndsAt is null)
                {
                    _sent[id] = alert;
                }
                else
                {
                    _sent.Remove(id);
                }
            }
        }

        return posted;
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
