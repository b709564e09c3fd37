using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Alertmanager;
using Quartz;

namespace AIOps.Remediator.Scheduling;

/// <summary>
/// Sends incidents to Alertmanager (Quartz, every <see cref="RemediationOptions.AlertResend"/>): every open one again
/// (Alertmanager resolves an alert that is not re-sent), and those resolved since the last run once, with endsAt;
/// an alert whose labels a re-ranking changed is ended under its old labels.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IncidentAlertJob(AlertmanagerClient alertmanager, IncidentStore incidents, SentIncidentAlerts sent, RemediationOptions options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("incident-alerts", "aiops");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.AlertmanagerUrl is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var since = context.PreviousFireTimeUtc ?? now - options.AlertResend;
        var window = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds();
        var open = incidents.List(IncidentStatus.Open, window, now.ToUnixTimeMilliseconds(), 500);
        var resolved = incidents.List(IncidentStatus.Resolved, window, now.ToUnixTimeMilliseconds(), 500).Where(i => i.ResolvedAt >= since - options.AlertResend);
        // An incident is sent once its causes are ranked (seconds after it opens): its labels name the cause.
        var alerts = sent.Post([.. open.Concat(resolved).Where(i => i.CausesRankedAt is not null).Select(i => IncidentAlert.From(i, options.DashboardUrl))], now);
        if (alerts.Count > 0)
        {
            await alertmanager.PostAlertsAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
    }
}
