namespace AIOps.Travel.Services.Contracts;

/// <summary>A priced offer with the promotions that apply.</summary>
public sealed record Quote(string Type, string ItemId, string Date, int Nights, int Quantity, decimal BasePrice, decimal Discount, decimal Total, string Currency, IReadOnlyList<string> Promotions);
