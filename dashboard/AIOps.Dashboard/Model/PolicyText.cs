using System.Globalization;
using System.Text.Json;
using AIOps.Remediator.Policies;

namespace AIOps.Dashboard.Model;

/// <summary>A policy file's rules, freezes and names in the words the file uses (kebab-case types, 10m, UTC).</summary>
public static class PolicyText
{
    /// <summary>An enum value as the policy file and the audit log write it: scale-out, restart-instance.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>What a policy matches, list by list; "any incident or alert" when nothing narrows it.</summary>
    public static string Match(PolicyMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var parts = new[]
        {
            ("sources", match.Sources), ("services", match.Services), ("cause indicators", match.CauseIndicators),
            ("signals", match.Signals), ("severities", match.Severities), ("alert names", match.AlertNames),
        }.Where(p => p.Item2.Count > 0).Select(p => $"{p.Item1}: {string.Join(", ", p.Item2)}").ToList();
        return parts.Count == 0 ? "any incident or alert" : string.Join("; ", parts);
    }

    /// <summary>What a policy does, with the bounds that apply to its type.</summary>
    public static string Action(PolicyAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = Kebab(action.Type);
        return action.Type switch
        {
            RemediationActionType.ScaleOut => string.Create(CultureInfo.InvariantCulture, $"{type} {action.Replicas}, at most {Replicas(action.MaxReplicas)}"),
            RemediationActionType.ScaleIn => string.Create(CultureInfo.InvariantCulture, $"{type}, at least {Replicas(action.MinReplicas)}"),
            RemediationActionType.PredictiveScale => string.Create(CultureInfo.InvariantCulture,
                $"{type}: {action.RatePerReplica:0.##} req/s a replica, {action.Headroom * 100:0} % headroom, {TimeText.Setting(action.Lead)} ahead, {action.MinReplicas} to {Replicas(action.MaxReplicas)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{type}, keeping {action.MinHealthy} healthy"),
        };
    }

    private static string Replicas(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "replica" : "replicas")}");

    /// <summary>When a freeze holds: its span, or its days and hours (UTC).</summary>
    public static string When(FreezeWindow freeze)
    {
        ArgumentNullException.ThrowIfNull(freeze);
        if (freeze.Start is { } start && freeze.End is { } end)
        {
            return $"{UiRequest.Stamp(start)} to {UiRequest.Stamp(end)}";
        }

        var days = string.Join(", ", freeze.Days.Select(d => d.ToString()[..3].ToLowerInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"{days} {freeze.From:hh\\:mm} to {(freeze.To == TimeSpan.FromDays(1) ? "24:00" : freeze.To.ToString(@"hh\:mm", CultureInfo.InvariantCulture))} UTC");
    }
}
