using System.Text.Json;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Alertmanager;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Safety;

namespace AIOps.Remediator.Engine;

/// <summary>
/// The closed loop. For an open, ranked incident, every matching policy proposes one action (planned on the service
/// as it is now, described exactly by a dry run); shadow mode records it, approve mode waits for an operator until it
/// expires, auto mode runs it. Running passes the safety envelope first, holds an Alertmanager silence, records the
/// change where root-cause ranking sees it, and then verifies: the action succeeds when the incident's signals on the
/// service have ended; when the window passes first, a scaling is undone (RolledBack) and a restart, which cannot be,
/// is escalated. When an incident resolves, services it scaled out are scaled back in by the scale-in policies.
/// Every state is appended to the audit log.
/// </summary>
public sealed partial class RemediationEngine(
    Func<PolicySet> policies,
    IRemediationDriver driver,
    ActionLog log,
    TimeProvider time,
    ILogger<RemediationEngine> logger,
    ChangeEventLog? changes = null,
    IActionSilencer? silencer = null) : IDisposable
{
    public const string Self = "aiops";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _killSwitch;

    /// <summary>The runtime kill switch (the API's); the policy file's switch stops everything too.</summary>
    public bool KillSwitch
    {
        get => _killSwitch;
        set => _killSwitch = value;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Proposes (and by mode runs) the actions the policies take for <paramref name="incident"/>: one per incident and policy.</summary>
    public async Task<IReadOnlyList<RemediationAction>> DecideAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status != IncidentStatus.Open || incident.CausesRankedAt is null)
        {
            return [];
        }

        var facts = IncidentFacts.From(incident);
        var trigger = new ActionTrigger("incident", incident.Id, incident.Title, Causes(incident.Causes));
        return await DecideAsync(facts, trigger, PolicyMatcher.Reactive, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Proposes (and by mode runs) the actions the policies take for a firing alert from another source.</summary>
    public async Task<IReadOnlyList<RemediationAction>> DecideAsync(ReceivedAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Status != "firing" || alert.Fingerprint is null || AlertFacts.From(alert) is not { } facts)
        {
            return [];
        }

        // AIOps's own incident alerts come back through the webhook: they answer to the incident's id, so a policy
        // acts once per incident whichever way the incident reaches it.
        var id = alert.Labels.GetValueOrDefault("incident_id") ?? alert.Fingerprint;
        var trigger = new ActionTrigger("alert", id, alert.Annotations.GetValueOrDefault("summary") ?? facts.AlertName ?? "alert", [], alert.Fingerprint);
        return await DecideAsync(facts, trigger, PolicyMatcher.Reactive, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scales back in the services that actions for <paramref name="incident"/> scaled out, once it has resolved.</summary>
    public async Task<IReadOnlyList<RemediationAction>> RecoveredAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status != IncidentStatus.Resolved)
        {
            return [];
        }

        var decided = new List<RemediationAction>();
        var scaledOut = log.List().Where(a => a.Trigger.Id == incident.Id && a.Type == RemediationActionType.ScaleOut
            && a.State is ActionState.Succeeded or ActionState.Verifying && a.Plan.FromReplicas is not null).ToList();
        foreach (var action in scaledOut)
        {
            var facts = IncidentFacts.From(incident) with { Service = action.Service };
            var trigger = new ActionTrigger("incident", incident.Id, $"{incident.Title} (resolved)", Causes(incident.Causes));
            decided.AddRange(await DecideAsync(facts, trigger, [RemediationActionType.ScaleIn], action.Plan.FromReplicas, cancellationToken).ConfigureAwait(false));
        }

        return decided;
    }

    /// <summary>An operator approves a waiting action, which then runs inside the safety envelope.</summary>
    public async Task<RemediationAction> ApproveAsync(string id, string operatorName, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var action = Waiting(id);
            action = Move(action, ActionState.Approved, operatorName, "approved");
            return await ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An operator rejects a waiting action.</summary>
    public async Task<RemediationAction> RejectAsync(string id, string operatorName, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Move(Waiting(id), ActionState.Rejected, operatorName, string.IsNullOrWhiteSpace(reason) ? "rejected" : reason);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Moves time-bound actions on: proposals past their expiry expire; verifying actions succeed once the incident's
    /// signals on their service have ended, or are rolled back or escalated once their window has passed.
    /// </summary>
    /// <param name="incident">Looks an incident up by id (null when unknown).</param>
    /// <param name="cancellationToken">Stops the tick.</param>
    /// <param name="alertResolved">Whether an alert (by fingerprint) has resolved; null when unknown. Without it, alert-triggered actions wait for their window.</param>
    public async Task TickAsync(Func<string, Incident?> incident, CancellationToken cancellationToken, Func<string, bool?>? alertResolved = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            foreach (var action in log.List())
            {
                if (action.State == ActionState.Proposed && action.ExpiresAt is { } expires && now >= expires)
                {
                    Move(action, ActionState.Expired, Self, "no operator approved it in time");
                }
                else if (action.State == ActionState.Verifying && action.Trigger.Source == ForecastSource)
                {
                    await VerifyCapacityAsync(action, now, cancellationToken).ConfigureAwait(false);
                }
                else if (action.State == ActionState.Verifying)
                {
                    // AIOps's own incident alerts are judged on the incident; other alerts on their resolution.
                    var known = incident(action.Trigger.Id);
                    var byIncident = action.Trigger.Source == "incident" || known is not null;
                    var recovered = byIncident
                        ? Recovered(action, known)
                        : action.Trigger.Fingerprint is { } fingerprint && alertResolved?.Invoke(fingerprint) == true;
                    var how = byIncident ? $"{action.Service} recovered: the incident's signals on it ended" : "the alert resolved";
                    await VerifyAsync(action, recovered, how, now, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<RemediationAction>> DecideAsync(TriggerFacts facts, ActionTrigger trigger, IReadOnlyList<RemediationActionType> types, int? restoreTo, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var set = policies();
            var decided = new List<RemediationAction>();
            foreach (var policy in PolicyMatcher.Select(set, facts, types))
            {
                if (log.List().Any(a => a.Trigger.Id == trigger.Id && a.Policy == policy.Name && a.Service == facts.Service))
                {
                    continue;
                }

                if (await ReadReplicasAsync(policy.Name, facts.Service, cancellationToken).ConfigureAwait(false) is not { } replicas)
                {
                    continue;
                }

                var planned = ChangePlanner.Plan(policy.Action, facts.Service, facts.Instance, replicas, restoreTo);
                if (planned.Nothing)
                {
                    RemediationLog.NothingToDo(logger, policy.Name, trigger.Id, facts.Service, planned.Summary);
                    continue;
                }

                decided.Add(await ProposeAsync(set, policy, facts.Service, planned, trigger, cancellationToken).ConfigureAwait(false));
            }

            return decided;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RemediationAction> ProposeAsync(PolicySet set, RemediationPolicy policy, string service, PlannedChange planned, ActionTrigger trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<string> lines;
        try
        {
            lines = await ApplyAsync(policy.Action, service, planned, dryRun: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            lines = ["the dry run failed: " + ex.Message];
        }

        var action = new RemediationAction
        {
            Id = Guid.CreateVersion7(now).ToString("N")[..16],
            Policy = policy.Name,
            Mode = policy.Mode,
            Type = policy.Action.Type,
            Service = service,
            Instance = planned.Instance,
            Trigger = trigger,
            Plan = new ActionPlan(planned.Summary, planned.FromReplicas, planned.ToReplicas, lines),
            State = ActionState.Proposed,
            CreatedAt = now,
            ExpiresAt = policy.Mode == RemediationMode.Approve ? now + set.Limits.ApprovalExpiry : null,
            History = [new ActionTransition(ActionState.Proposed, now, Self, $"policy {policy.Name} (line {policy.Line}) matched {trigger.Source} {trigger.Id}")],
        };
        log.Append(action);
        RemediationLog.Moved(logger, action.Id, action.Policy, service, nameof(ActionState.Proposed), planned.Summary);
        return policy.Mode switch
        {
            RemediationMode.Shadow => Move(action, ActionState.Shadowed, Self, "shadow mode: decided and recorded, not run"),
            RemediationMode.Auto => await ExecuteAsync(Move(action, ActionState.Approved, Self, "auto mode"), cancellationToken).ConfigureAwait(false),
            _ => action,
        };
    }

    private async Task<RemediationAction> ExecuteAsync(RemediationAction action, CancellationToken cancellationToken)
    {
        var set = policies();
        var policy = set.Policies.FirstOrDefault(p => p.Name == action.Policy);
        if (policy is null)
        {
            return Move(action, ActionState.Blocked, Self, $"policy {action.Policy} is no longer in the policy file");
        }

        var verdict = SafetyEnvelope.Check(KillSwitch ? new PolicySet { KillSwitch = true } : set, policy, action.Service, log.List(), time.GetUtcNow(), action.Id);
        if (!verdict.Allowed)
        {
            return Move(action, ActionState.Blocked, Self, $"{verdict.Rule}: {verdict.Reason}");
        }

        action = Move(action, ActionState.Executing, Self, verdict.Reason);
        action = await SilenceAsync(action, time.GetUtcNow() + policy.VerifyWithin + TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        var planned = new PlannedChange(action.Plan.Summary, action.Instance, action.Plan.FromReplicas, action.Plan.ToReplicas);
        try
        {
            await ApplyAsync(policy.Action, action.Service, planned, dryRun: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            await EndSilenceAsync(action, cancellationToken).ConfigureAwait(false);
            return Move(action, ActionState.Escalated, Self, $"the {driver.Name} driver failed: {ex.Message}");
        }

        changes?.Record(new ChangeEvent(action.Service, Kebab(action.Type), time.GetUtcNow().ToUnixTimeMilliseconds(), $"remediation {action.Id}: {action.Plan.Summary}", action.Instance));
        var moved = Move(action, ActionState.Verifying, Self, $"done; checking that {action.Service} recovers within {policy.VerifyWithin.TotalSeconds:0} s");
        moved = moved with { VerifyBy = time.GetUtcNow() + policy.VerifyWithin };
        log.Append(moved);
        return moved;
    }

    // An incident-triggered action worked when the incident is gone or resolved, or its signals on the service ended.
    private static bool Recovered(RemediationAction action, Incident? incident) =>
        incident is null || incident.Status == IncidentStatus.Resolved || !incident.Signals.Any(s => s.Service == action.Service && s.EndedAt is null);

    private async Task VerifyAsync(RemediationAction action, bool recovered, string how, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recovered)
        {
            await EndSilenceAsync(action, cancellationToken).ConfigureAwait(false);
            Move(action, ActionState.Succeeded, Self, how);
            return;
        }

        if (action.VerifyBy is not { } by || now < by)
        {
            return;
        }

        await EndSilenceAsync(action, cancellationToken).ConfigureAwait(false);
        if (action.Type is RemediationActionType.ScaleOut or RemediationActionType.ScaleIn && action.Plan.FromReplicas is { } from)
        {
            try
            {
                await driver.ScaleAsync(action.Service, from, dryRun: false, cancellationToken).ConfigureAwait(false);
                Move(action, ActionState.RolledBack, Self, $"{action.Service} did not recover in time; scaled back to {from} replicas; escalated to the on-call");
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
            {
                Move(action, ActionState.Escalated, Self, $"{action.Service} did not recover in time and scaling back failed: {ex.Message}");
                return;
            }
        }

        Move(action, ActionState.Escalated, Self, $"{action.Service} did not recover in time; a {Kebab(action.Type)} cannot be undone; escalated to the on-call");
    }

    private Task<IReadOnlyList<string>> ApplyAsync(PolicyAction action, string service, PlannedChange planned, bool dryRun, CancellationToken cancellationToken) => action.Type switch
    {
        RemediationActionType.ScaleOut or RemediationActionType.ScaleIn => driver.ScaleAsync(service, planned.ToReplicas!.Value, dryRun, cancellationToken),
        RemediationActionType.PredictiveScale => driver.SetFloorAsync(service, planned.ToReplicas!.Value, dryRun, cancellationToken),
        RemediationActionType.RestartInstance => driver.RestartInstanceAsync(service, planned.Instance!, dryRun, cancellationToken),
        RemediationActionType.RollingRestart => driver.RollingRestartAsync(service, action.MinHealthy, dryRun, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.Type, "unknown action type"),
    };

    private async Task<RemediationAction> SilenceAsync(RemediationAction action, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // Predictive scaling answers demand, not a fault: the service's alerts stay audible.
        if (silencer is null || action.Trigger.Source == ForecastSource)
        {
            return action;
        }

        try
        {
            var id = await silencer.SilenceAsync(action, until, cancellationToken).ConfigureAwait(false);
            var silenced = action with { SilenceId = id };
            log.Append(silenced);
            return silenced;
        }
        catch (HttpRequestException ex)
        {
            // A silence is a courtesy to the on-call; the fix does not wait for it.
            RemediationLog.SilenceFailed(logger, action.Id, ex.Message);
            return action;
        }
    }

    private async Task EndSilenceAsync(RemediationAction action, CancellationToken cancellationToken)
    {
        if (silencer is null || action.SilenceId is not { } id)
        {
            return;
        }

        try
        {
            await silencer.EndAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            RemediationLog.SilenceFailed(logger, action.Id, ex.Message);
        }
    }

    private RemediationAction Waiting(string id) =>
        log.Get(id) is { State: ActionState.Proposed } action ? action
        : log.Get(id) is { } other ? throw new InvalidOperationException($"action {id} is {other.State.ToString().ToLowerInvariant()}, not waiting for approval")
        : throw new KeyNotFoundException($"no action {id}");

    private RemediationAction Move(RemediationAction action, ActionState state, string by, string reason)
    {
        var moved = action.MoveTo(state, time.GetUtcNow(), by, reason);
        log.Append(moved);
        RemediationLog.Moved(logger, moved.Id, moved.Policy, moved.Service, state.ToString(), reason);
        return moved;
    }

    private static IReadOnlyList<string> Causes(IReadOnlyList<RankedCause> causes) =>
        [.. causes.Take(5).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Service} ({c.Indicator}, {c.Score:0.00})"))];

    private static string Kebab(RemediationActionType type) => JsonNamingPolicy.KebabCaseLower.ConvertName(type.ToString());
}
