using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Engine;
using Quartz;

namespace AIOps.Remediator.Scheduling;

/// <summary>
/// The loop's beat (Quartz, every <see cref="RemediationOptions.Interval"/>): open incidents and firing alerts from
/// other sources go to the policies, incidents resolved in the last hour get their scale-ins, and running or waiting
/// actions are checked (verification windows, approval expiry).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RemediationJob(RemediationEngine engine, IncidentStore incidents, AlertHistory alerts, RemediationOptions options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("remediation", "aiops");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        var from = (now - TimeSpan.FromHours(6)).ToUnixTimeMilliseconds();
        foreach (var incident in incidents.List(IncidentStatus.Open, from, now.ToUnixTimeMilliseconds(), 100))
        {
            await engine.DecideAsync(incident, cancellationToken).ConfigureAwait(false);
        }

        foreach (var incident in incidents.List(IncidentStatus.Resolved, from, now.ToUnixTimeMilliseconds(), 100).Where(i => i.ResolvedAt > now - TimeSpan.FromHours(1)))
        {
            await engine.RecoveredAsync(incident, cancellationToken).ConfigureAwait(false);
        }

        // Alerts from other sources, newest notification first: each firing alert once per policy (the engine dedupes).
        foreach (var alert in alerts.Recent(100).SelectMany(n => n.Alerts).Where(a => a.Status == "firing" && a.Fingerprint is not null && alerts.IsResolved(a.Fingerprint) == false))
        {
            await engine.DecideAsync(alert, cancellationToken).ConfigureAwait(false);
        }

        await engine.TickAsync(incidents.Get, cancellationToken, alerts.IsResolved).ConfigureAwait(false);
    }
}
