namespace AIOps.Remediator.Actions;

/// <summary>
/// What an action answers: one of our incidents (with the root-cause ranking it was decided on) or an alert that came
/// in through the Alertmanager webhook.
/// </summary>
/// <param name="Source">"incident" or "alert".</param>
/// <param name="Id">The incident id (also for AIOps's own incident alerts, so one incident gets one action per policy), or the alert's fingerprint.</param>
/// <param name="Summary">The incident's title or the alert's summary.</param>
/// <param name="Causes">The ranked causes at decision time, best first, as "service (indicator, score)".</param>
/// <param name="Fingerprint">For alerts, Alertmanager's fingerprint of the alert.</param>
public sealed record ActionTrigger(string Source, string Id, string Summary, IReadOnlyList<string> Causes, string? Fingerprint = null);
