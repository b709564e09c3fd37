namespace AIOps.Travel.Services.Contracts;

/// <summary>Body of POST /api/quotes and of the promotion service's POST /quotes.</summary>
public sealed record QuoteRequest(string? UserId, string? Type, string? ItemId, string? Date, int? Nights, int? Quantity, string? PromoCode);
