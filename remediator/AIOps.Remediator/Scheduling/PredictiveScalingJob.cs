using AIOps.Analyzer.Incidents;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Engine;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Scaling;
using Quartz;

namespace AIOps.Remediator.Scheduling;

/// <summary>
/// Predictive scaling's beat (Quartz, every <see cref="RemediationOptions.ScalingInterval"/>): for every service a
/// predictive-scale policy names (or every service with traffic, when it names none), the demand goes to the engine;
/// lowering is held while an incident has open signals on the service or another action is under way on it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PredictiveScalingJob(RemediationEngine engine, PolicySource policies, DemandReader demand, IncidentStore incidents, ActionLog log, RemediationOptions options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("predictive-scaling", "aiops");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var predictive = policies.Current.Policies.Where(p => p.Mode != RemediationMode.Off && p.Action.Type == RemediationActionType.PredictiveScale).ToList();
        if (!options.Enabled || predictive.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var open = incidents.List(IncidentStatus.Open, (now - TimeSpan.FromHours(6)).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), 100);
        var busy = log.List().Where(a => a.Trigger.Source != RemediationEngine.ForecastSource && !ActionStates.IsFinal(a.State)).Select(a => a.Service);
        var held = open.SelectMany(i => i.Signals.Where(s => s.EndedAt is null).Select(s => s.Service)).Concat(busy).ToHashSet(StringComparer.Ordinal);
        var named = predictive.SelectMany(p => p.Match.Services).Distinct(StringComparer.Ordinal).ToList();
        var services = named.Count > 0 && predictive.All(p => p.Match.Services.Count > 0) ? named : [.. demand.Services()];
        var lead = predictive.Max(p => p.Action.Lead);
        foreach (var (service, estimate) in demand.Read(services, lead))
        {
            await engine.ScaleAheadAsync(service, estimate, held.Contains(service), options.ScaleInStabilization, cancellationToken).ConfigureAwait(false);
        }
    }
}
