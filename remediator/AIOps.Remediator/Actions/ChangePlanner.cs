using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Actions;

/// <summary>
/// Works out what a policy's action means for a service as it is now: how many replicas to go to, which instance to
/// restart, or why there is nothing to do. Pure: the driver is asked for the replicas first, and asked to describe
/// the change exactly afterwards.
/// </summary>
public static class ChangePlanner
{
    /// <param name="action">The policy's action.</param>
    /// <param name="service">The service to change.</param>
    /// <param name="instance">The instance the root cause names, if any.</param>
    /// <param name="now">The service's replicas now.</param>
    /// <param name="restoreTo">For scale-in: the replicas before the scale-out being undone.</param>
    public static PlannedChange Plan(PolicyAction action, string service, string? instance, ServiceReplicas now, int? restoreTo = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(now);
        switch (action.Type)
        {
            case RemediationActionType.ScaleOut:
                var ceiling = now.Ceiling(action.MaxReplicas);
                var up = (action.Replicas ?? new ReplicaChange(1, 0)).Apply(now.Desired, Math.Min(action.MinReplicas, ceiling), ceiling);
                return up <= now.Desired
                    ? PlannedChange.None($"{service} already runs {now.Desired} replicas; at most {ceiling} can run")
                    : new PlannedChange($"scale {service} from {now.Desired} to {up} replicas", null, now.Desired, up);
            case RemediationActionType.ScaleIn:
                var down = Math.Clamp(restoreTo ?? action.MinReplicas, action.MinReplicas, action.MaxReplicas);
                return down >= now.Desired
                    ? PlannedChange.None($"{service} runs {now.Desired} replicas, not above {down}")
                    : new PlannedChange($"scale {service} back from {now.Desired} to {down} replicas", null, now.Desired, down);
            case RemediationActionType.RestartInstance:
                // The cause's instance; else the one instance that is down (a crash); else a lone instance.
                var target = instance
                    ?? (now.NotReady is { Count: 1 } crashed ? crashed[0] : null)
                    ?? (now.Instances.Count == 1 ? now.Instances[0] : null);
                if (target is null)
                {
                    return PlannedChange.None($"the cause names no instance of {service}, and it runs {now.Instances.Count}");
                }

                if (!now.Instances.Contains(target))
                {
                    return PlannedChange.None($"{target} is not a running instance of {service}");
                }

                // Restarting an instance that is not ready takes nothing away from those serving.
                var readyAfter = now.Ready - (now.NotReady?.Contains(target) == true ? 0 : 1);
                return readyAfter < action.MinHealthy
                    ? PlannedChange.None($"{service} has {now.Ready} ready; restarting {target} would leave fewer than min_healthy {action.MinHealthy}")
                    : new PlannedChange($"restart {target} ({service})", target, null, null);
            case RemediationActionType.RollingRestart:
                return now.Ready < action.MinHealthy
                    ? PlannedChange.None($"{service} has {now.Ready} ready; a rolling restart needs min_healthy {action.MinHealthy}")
                    : new PlannedChange($"restart every replica of {service}, one at a time, keeping {action.MinHealthy} ready", null, null, null);
            case RemediationActionType.PredictiveScale:
                return PlannedChange.None($"predictive scaling of {service} follows the demand (PredictivePlanner), not an incident");
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Type, "unknown action type");
        }
    }
}
