namespace AIOps.Remediator.Alertmanager;

/// <summary>One webhook notification from Alertmanager, as received and recorded.</summary>
/// <param name="ReceivedAt">When AIOps received it.</param>
/// <param name="Receiver">The Alertmanager receiver that sent it.</param>
/// <param name="GroupKey">The alert group it is about.</param>
/// <param name="Status">firing or resolved (the group's).</param>
/// <param name="Alerts">The group's alerts.</param>
/// <param name="TruncatedAlerts">Alerts Alertmanager left out (max_alerts).</param>
public sealed record AlertNotification(
    DateTimeOffset ReceivedAt,
    string Receiver,
    string GroupKey,
    string Status,
    IReadOnlyList<ReceivedAlert> Alerts,
    int TruncatedAlerts);
