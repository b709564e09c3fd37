namespace AIOps.Collector.Query;

/// <summary>A service with its current RED (over the last few minutes) and its operations.</summary>
public sealed record ServiceOverview(string Name, RedPoint Red, IReadOnlyList<string> Operations);
