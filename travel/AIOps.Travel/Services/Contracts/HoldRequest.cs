namespace AIOps.Travel.Services.Contracts;

/// <summary>Body of POST /holds: reserve inventory while the order is paid.</summary>
public sealed record HoldRequest(string? ItemId, string? Date, int? Nights, int? Quantity, string? OrderId);
