namespace AIOps.Travel.Services.Contracts;

/// <summary>A payment; status approved or declined.</summary>
public sealed record Payment(string Id, string OrderId, string Status, string? Reason, decimal Amount, string Currency, long CreatedAtUnixMs);
