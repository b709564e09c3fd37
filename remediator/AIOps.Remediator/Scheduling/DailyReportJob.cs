using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Reports;
using Quartz;

namespace AIOps.Remediator.Scheduling;

/// <summary>The daily report (Quartz, on <see cref="RemediationOptions.DailyReportCron"/>): the previous UTC day, written to reports/.</summary>
[DisallowConcurrentExecution]
public sealed class DailyReportJob(IncidentStore incidents, ActionLog actions, RemediationReports reports, TimeProvider time, ILogger<DailyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-report", "aiops");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Incidents opened up to a week before the day can resolve in it.
        var touched = incidents.List(null, from.AddDays(-7).ToUnixTimeMilliseconds(), from.AddDays(1).ToUnixTimeMilliseconds(), 10_000);
        var report = RemediationReportBuilder.Build(day, touched, actions.List(), now);
        var path = reports.Write(report);
        RemediationLog.Reported(logger, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report.Actions, report.IncidentsOpened, path);
        return ValueTask.CompletedTask;
    }
}
