namespace AIOps.Travel.Services.Contracts;

/// <summary>A booking (an order) as the API shows it.</summary>
public sealed record Booking(string BookingId, string UserId, string Type, string ItemId, string Date, int Nights, int Quantity, decimal Total, string Currency, string Status, string? PaymentId, string? Reason, long CreatedAtUnixMs, long UpdatedAtUnixMs);
