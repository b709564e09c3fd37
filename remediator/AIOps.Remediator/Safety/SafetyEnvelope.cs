using System.Globalization;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Safety;

/// <summary>
/// The hard limits around every action, checked in order: the kill switch, freeze windows, another action still
/// changing the same service, the policy's cooldown on the service, the hourly rate over all services and per service, and how many services may change at once. Only
/// actions that ran count against the limits: a shadowed, blocked or rejected decision changes nothing. Pure.
/// </summary>
public static class SafetyEnvelope
{
    private static readonly TimeSpan s_hour = TimeSpan.FromHours(1);

    /// <param name="set">The policy file: kill switch, limits, freezes.</param>
    /// <param name="policy">The policy that wants to act.</param>
    /// <param name="service">The service it would change.</param>
    /// <param name="history">Earlier actions (any state); the one being checked is left out by id.</param>
    /// <param name="now">The time of the check.</param>
    /// <param name="self">The id of the action being checked, if it is already recorded.</param>
    public static SafetyVerdict Check(PolicySet set, RemediationPolicy policy, string service, IEnumerable<RemediationAction> history, DateTimeOffset now, string? self = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(history);
        if (set.KillSwitch)
        {
            return SafetyVerdict.Block("kill-switch", "the kill switch is on: no action runs");
        }

        if (set.Freezes.FirstOrDefault(f => f.Contains(now)) is { } freeze)
        {
            return SafetyVerdict.Block("freeze", $"change freeze '{freeze.Name}'");
        }

        var ran = history.Where(a => a.Id != self && a.StartedAt is not null && ActionStates.HasRun(a.State)).ToList();
        if (ran.FirstOrDefault(a => ActionStates.IsChanging(a.State) && a.Service == service) is { } busy)
        {
            return SafetyVerdict.Block("busy", $"action {busy.Id} ({busy.Policy}) is still {busy.State.ToString().ToLowerInvariant()} on {service}");
        }

        var last = ran.Where(a => a.Policy == policy.Name && a.Service == service).Select(a => a.StartedAt!.Value).DefaultIfEmpty().Max();
        if (last != default && now - last < policy.Cooldown)
        {
            return SafetyVerdict.Block("cooldown", Text($"{policy.Name} acted on {service} {(now - last).TotalSeconds:0} s ago; its cooldown is {policy.Cooldown.TotalSeconds:0} s"));
        }

        var lastHour = ran.Where(a => now - a.StartedAt!.Value < s_hour).ToList();
        if (lastHour.Count >= set.Limits.ActionsPerHour)
        {
            return SafetyVerdict.Block("rate-global", Text($"{lastHour.Count} actions in the last hour; the limit is {set.Limits.ActionsPerHour}"));
        }

        var onService = lastHour.Count(a => a.Service == service);
        if (onService >= set.Limits.ActionsPerHourPerService)
        {
            return SafetyVerdict.Block("rate-service", Text($"{onService} actions on {service} in the last hour; the limit is {set.Limits.ActionsPerHourPerService}"));
        }

        var changing = ran.Where(a => ActionStates.IsChanging(a.State) && a.Service != service).Select(a => a.Service).Distinct(StringComparer.Ordinal).ToList();
        if (changing.Count >= set.Limits.ConcurrentServices)
        {
            return SafetyVerdict.Block("concurrency", Text($"{string.Join(", ", changing)} already changing; at most {set.Limits.ConcurrentServices} at once"));
        }

        return SafetyVerdict.Allow;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
