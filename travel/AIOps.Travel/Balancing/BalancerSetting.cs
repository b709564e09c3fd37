namespace AIOps.Travel.Balancing;

/// <summary>Body of GET and PUT /admin/balancer.</summary>
public sealed record BalancerSetting(string? Strategy);
