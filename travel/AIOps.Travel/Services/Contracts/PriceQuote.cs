namespace AIOps.Travel.Services.Contracts;

/// <summary>The undiscounted price of an item for a stay or a number of seats.</summary>
public sealed record PriceQuote(string Type, string ItemId, string Date, int Nights, int Quantity, decimal UnitPrice, decimal Total, string Currency);
