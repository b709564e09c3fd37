namespace AIOps.Travel.Services.Contracts;

/// <summary>Body of POST /api/bookings.</summary>
public sealed record BookingRequest(string? UserId, string? Type, string? ItemId, string? Date, int? Nights, int? Quantity, string? PromoCode, string? CardNumber);
