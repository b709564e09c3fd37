using AIOps.Analyzer.Changes;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Reports;
using AIOps.Remediator.Scaling;
using AIOps.Remediator.Scheduling;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace AIOps.Remediator;

/// <summary>
/// Registers the remediator: options (validated at start, the policy file with them), the audit log, the alert
/// history, the engine over the host's <see cref="IRemediationDriver"/>, the Alertmanager client and silencer, and
/// the Quartz jobs that drive the loop and send incidents as alerts; <see cref="MapRemediator"/> maps the API and the
/// webhook receiver.
/// </summary>
public static class RemediatorServiceCollectionExtensions
{
    public static IServiceCollection AddRemediator(this IServiceCollection services, Action<RemediationOptions>? configure = null)
    {
        var options = services.AddOptions<RemediationOptions>().BindConfiguration(RemediationOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IValidateOptions<RemediationOptions>, RemediationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RemediationOptions>>().Value);
        services.TryAddSingleton<PolicySource>();
        services.TryAddSingleton(sp => new ActionLog(Path.Combine(sp.GetRequiredService<RemediationOptions>().DataDirectory, "actions.jsonl")));
        services.TryAddSingleton(sp => new AlertHistory(Path.Combine(sp.GetRequiredService<RemediationOptions>().DataDirectory, "alerts.jsonl")));
        services.AddHttpClient<AlertmanagerClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<RemediationOptions>().AlertmanagerUrl ?? new Uri("http://127.0.0.1:9093/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.TryAddSingleton(sp => new RemediationEngine(
            () => sp.GetRequiredService<PolicySource>().Current,
            sp.GetRequiredService<IRemediationDriver>(),
            sp.GetRequiredService<ActionLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RemediationEngine>>(),
            sp.GetService<ChangeEventLog>(),
            sp.GetRequiredService<RemediationOptions>().AlertmanagerUrl is null
                ? null
                : new AlertmanagerSilencer(sp.GetRequiredService<AlertmanagerClient>(), sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<DemandReader>();
        services.TryAddSingleton<SentIncidentAlerts>();
        services.TryAddSingleton<RemediationReports>();
        services.AddQuartz(quartz =>
        {
            quartz.ScheduleJob<PredictiveScalingJob>(
                (sp, trigger) => trigger.WithIdentity("predictive-scaling-beat", "aiops").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(sp.GetRequiredService<RemediationOptions>().ScalingInterval).RepeatForever()),
                (_, job) => job.WithIdentity(PredictiveScalingJob.Key));
            quartz.ScheduleJob<RemediationJob>(
                (sp, trigger) => trigger.WithIdentity("remediation-beat", "aiops").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(sp.GetRequiredService<RemediationOptions>().Interval).RepeatForever()),
                (_, job) => job.WithIdentity(RemediationJob.Key));
            quartz.ScheduleJob<IncidentAlertJob>(
                (sp, trigger) => trigger.WithIdentity("incident-alerts-beat", "aiops").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(sp.GetRequiredService<RemediationOptions>().AlertResend).RepeatForever()),
                (_, job) => job.WithIdentity(IncidentAlertJob.Key));
            quartz.ScheduleJob<RetentionJob>(
                (_, trigger) => trigger.WithIdentity("retention-daily", "aiops").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(24)).RepeatForever()),
                (_, job) => job.WithIdentity(RetentionJob.Key));
            quartz.ScheduleJob<DailyReportJob>(
                (sp, trigger) => trigger.WithIdentity("daily-report", "aiops")
                    .WithCronSchedule(sp.GetRequiredService<RemediationOptions>().DailyReportCron, c => c.InTimeZone(TimeZoneInfo.Utc)),
                (_, job) => job.WithIdentity(DailyReportJob.Key));
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Maps the remediation API and, when a webhook token is set, Alertmanager's webhook receiver.</summary>
    public static IEndpointRouteBuilder MapRemediator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<RemediationOptions>();
        endpoints.MapRemediationApi(options.Operators);
        if (options.WebhookToken is { } token)
        {
            endpoints.MapAlertmanagerWebhook(token);
        }

        return endpoints;
    }
}
