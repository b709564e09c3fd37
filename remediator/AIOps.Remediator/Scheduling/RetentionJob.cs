using AIOps.Remediator.Actions;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Engine;
using Quartz;

namespace AIOps.Remediator.Scheduling;

/// <summary>
/// Retention (Quartz, daily): actions that ended more than <see cref="RemediationOptions.ActionRetention"/> ago and
/// notifications older than <see cref="RemediationOptions.AlertRetention"/> move into compressed archives beside
/// their logs, so the live files and what the host keeps in memory stay bounded; nothing is deleted.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ActionLog actions, AlertHistory alerts, RemediationOptions options, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "aiops");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var movedActions = actions.Archive(now - options.ActionRetention);
        var movedAlerts = alerts.Archive(now - options.AlertRetention);
        if (movedActions + movedAlerts > 0)
        {
            RemediationLog.Archived(logger, movedActions, actions.ArchivePath, movedAlerts);
        }

        return ValueTask.CompletedTask;
    }
}
