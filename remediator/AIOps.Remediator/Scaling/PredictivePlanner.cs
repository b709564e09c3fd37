using System.Globalization;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Scaling;

/// <summary>
/// What a predictive-scale policy does for a service now. Raising: the replica floor goes up to what the rising demand
/// needs with the policy's headroom, before the peak arrives. Lowering: only what predictive scaling itself raised
/// (down to the replicas before its first raise, <c>raisedFrom</c>), and only once the settled demand allows. Pure.
/// </summary>
public static class PredictivePlanner
{
    public static PlannedChange Plan(PolicyAction action, string service, ServiceReplicas now, ScalingDemand demand, int? raisedFrom)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(demand);
        if (action.RatePerReplica <= 0)
        {
            return PlannedChange.None($"{service}: rate_per_replica is not set");
        }

        // A service with no replica is not running (not deployed, or its platform still starting): nothing to size.
        if (now.Desired < 1)
        {
            return PlannedChange.None($"{service} runs no replica");
        }

        var covered = Math.Max(now.Desired, now.Floor ?? 0);
        var up = Math.Min(Need(action, demand.Rising), now.Ceiling(action.MaxReplicas));
        if (up > covered)
        {
            return new PlannedChange(Text($"raise {service}'s replica floor from {covered} to {up} ahead of {demand.Rising:0.#} req/s ({demand})"), null, now.Desired, up);
        }

        if (raisedFrom is { } baseline)
        {
            var down = Math.Max(Need(action, demand.Settled), Math.Clamp(baseline, action.MinReplicas, action.MaxReplicas));
            if (down < now.Desired)
            {
                return new PlannedChange(Text($"lower {service} from {now.Desired} to {down} replicas: {demand.Settled:0.#} req/s at most ({demand})"), null, now.Desired, down);
            }
        }

        return PlannedChange.None(Text($"{service}'s {now.Desired} replicas cover {demand.Rising:0.#} req/s with {action.Headroom:P0} headroom"));
    }

    private static int Need(PolicyAction action, double demand) =>
        Math.Clamp(ScalingDemand.Replicas(demand, action.RatePerReplica, action.Headroom), action.MinReplicas, action.MaxReplicas);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
