namespace AIOps.Travel.Balancing;

/// <summary>The kebab-case names used on the command line and in the admin API.</summary>
public static class BalancingStrategyNames
{
    private static readonly Dictionary<string, BalancingStrategyKind> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["round-robin"] = BalancingStrategyKind.RoundRobin,
        ["least-connections"] = BalancingStrategyKind.LeastConnections,
        ["weighted-round-robin"] = BalancingStrategyKind.WeightedRoundRobin,
        ["ip-hash"] = BalancingStrategyKind.IpHash,
        ["least-response-time"] = BalancingStrategyKind.LeastResponseTime,
    };

    public static IReadOnlyCollection<string> All => s_byName.Keys;

    public static bool TryParse(string? name, out BalancingStrategyKind kind) =>
        s_byName.TryGetValue(name ?? string.Empty, out kind);

    public static string ToName(BalancingStrategyKind kind) => s_byName.First(p => p.Value == kind).Key;
}
