using System.Globalization;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Safety;
using AIOps.Remediator.Scaling;

namespace AIOps.Remediator.Engine;

/// <summary>Predictive scaling: capacity ahead of the demand, taken back once the demand has settled.</summary>
public sealed partial class RemediationEngine
{
    /// <summary>The trigger source of predictive scaling actions.</summary>
    public const string ForecastSource = "forecast";

    // A change that did not run (a lasting block, shadow mode, an operator's no) is proposed again after this time.
    private static readonly TimeSpan s_quiet = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Lets each predictive-scale policy that matches <paramref name="service"/> raise or lower its replicas for
    /// <paramref name="demand"/>: one action at a time per policy and service, inside the safety envelope; a change
    /// blocked for a passing reason (busy, cooldown, concurrency) is simply tried again on the next beat.
    /// </summary>
    /// <param name="service">The service.</param>
    /// <param name="demand">Its request rate now, projected and forecast.</param>
    /// <param name="hold">Whether lowering must wait (an incident or another action is under way on the service).</param>
    /// <param name="stabilization">How long after the last raise nothing is lowered.</param>
    /// <param name="cancellationToken">Stops the decision.</param>
    public async Task<IReadOnlyList<RemediationAction>> ScaleAheadAsync(string service, ScalingDemand demand, bool hold, TimeSpan stabilization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demand);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var set = policies();
            var now = time.GetUtcNow();
            var history = log.List();
            var facts = new TriggerFacts(ForecastSource, service, null, null, new HashSet<string>(), "info");
            var decided = new List<RemediationAction>();
            foreach (var policy in PolicyMatcher.Select(set, facts, [RemediationActionType.PredictiveScale]))
            {
                var mine = history.Where(a => a.Policy == policy.Name && a.Service == service).ToList();
                if (mine.Any(a => !ActionStates.IsFinal(a.State)))
                {
                    continue;
                }

                if (await ReadReplicasAsync(policy.Name, service, cancellationToken).ConfigureAwait(false) is not { } replicas)
                {
                    continue;
                }

                // As the HPA's stabilization: nothing raised is taken back within the window after the last raise.
                var lastRaise = mine.Where(a => a.RaisedReplicas()).Select(a => a.StartedAt).Max();
                var settled = !hold && (lastRaise is null || now - lastRaise >= stabilization);
                var planned = PredictivePlanner.Plan(policy.Action, service, replicas, demand, settled ? RaisedFrom(mine) : null);
                if (planned.Nothing)
                {
                    continue;
                }

                // The same change blocked, shadowed, rejected or expired a short while ago is not proposed again every beat.
                if (mine.Any(a => !ActionStates.HasRun(a.State) && a.Plan.ToReplicas == planned.ToReplicas && now - a.CreatedAt < s_quiet))
                {
                    continue;
                }

                var verdict = SafetyEnvelope.Check(KillSwitch ? new PolicySet { KillSwitch = true } : set, policy, service, history, now);
                if (!verdict.Allowed && verdict.Rule is "busy" or "cooldown" or "concurrency")
                {
                    continue;
                }

                var trigger = new ActionTrigger(ForecastSource, string.Create(CultureInfo.InvariantCulture, $"{service}@{now:yyyyMMdd'T'HHmmss'Z'}"), demand.ToString(), []);
                decided.Add(await ProposeAsync(set, policy, service, planned, trigger, cancellationToken).ConfigureAwait(false));
            }

            return decided;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The replicas before the first raise that predictive scaling has not yet taken back; null when nothing is raised.
    private static int? RaisedFrom(IEnumerable<RemediationAction> actions)
    {
        int? baseline = null;
        foreach (var action in actions.Where(a => ActionStates.HasRun(a.State) && a.Plan.FromReplicas >= 1 && a.Plan.ToReplicas is not null).OrderBy(a => a.CreatedAt))
        {
            if (action.Plan.ToReplicas > action.Plan.FromReplicas)
            {
                baseline ??= action.Plan.FromReplicas;
            }
            else if (action.Plan.ToReplicas <= baseline)
            {
                baseline = null;
            }
        }

        return baseline;
    }

    // A predictive action worked when the platform runs what it asked for: enough ready replicas up, no more than asked down.
    private async Task VerifyCapacityAsync(RemediationAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ReadReplicasAsync(action.Policy, action.Service, cancellationToken).ConfigureAwait(false) is not { } replicas)
        {
            return;
        }

        var to = action.Plan.ToReplicas!.Value;
        var raise = to > action.Plan.FromReplicas;
        if (raise ? replicas.Ready >= to : replicas.Desired <= to)
        {
            Move(action, ActionState.Succeeded, Self, Text($"{action.Service} runs {replicas.Ready} ready replicas of {replicas.Desired} (target {to})"));
        }
        else if (action.VerifyBy is { } by && now >= by)
        {
            Move(action, ActionState.Escalated, Self, Text($"{action.Service} has {replicas.Ready} ready replicas of {replicas.Desired} after the verification window (target {to}); escalated to the on-call"));
        }
    }

    // The service's replicas, or null (logged) when the platform cannot say.
    private async Task<ServiceReplicas?> ReadReplicasAsync(string policy, string service, CancellationToken cancellationToken)
    {
        try
        {
            return await driver.ReplicasAsync(service, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            RemediationLog.Unreadable(logger, policy, service, driver.Name, ex.Message);
            return null;
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
