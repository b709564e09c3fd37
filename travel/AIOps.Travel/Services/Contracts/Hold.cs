namespace AIOps.Travel.Services.Contracts;

/// <summary>An inventory hold; status held, confirmed, released or expired.</summary>
public sealed record Hold(string Id, string ItemId, string Date, int Nights, int Quantity, string Status, long ExpiresAtUnixMs);
