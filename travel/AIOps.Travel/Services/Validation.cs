using System.Globalization;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services;

/// <summary>Edge validation of request bodies; each message names the field at fault.</summary>
internal static class Validation
{
    public const int MaxNights = 30;
    public const int MaxQuantity = 9;

    public static string? Date(string? value, string field = "date") =>
        value is null ? $"{field} is required (yyyy-MM-dd)"
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null
        : $"{field} must be a date as yyyy-MM-dd";

    public static string? Type(string? type) =>
        type is "hotel" or "flight" ? null : "type must be 'hotel' or 'flight'";

    public static string? Counts(string type, int? nights, int? quantity) =>
        quantity is < 1 or > MaxQuantity ? $"quantity must be between 1 and {MaxQuantity}"
        : type == "hotel" && nights is < 1 or > MaxNights ? $"nights must be between 1 and {MaxNights}"
        : type == "flight" && nights is not (null or 1) ? "nights applies to hotels only"
        : null;

    public static string? Hold(HoldRequest request, string type) =>
        string.IsNullOrWhiteSpace(request.ItemId) ? "itemId is required"
        : Date(request.Date) ?? Counts(type, request.Nights, request.Quantity);

    public static string? Quote(QuoteRequest request) =>
        string.IsNullOrWhiteSpace(request.UserId) ? "userId is required"
        : Type(request.Type)
        ?? (string.IsNullOrWhiteSpace(request.ItemId) ? "itemId is required" : null)
        ?? Date(request.Date)
        ?? Counts(request.Type!, request.Nights, request.Quantity);

    public static string? Booking(BookingRequest request) =>
        Quote(new QuoteRequest(request.UserId, request.Type, request.ItemId, request.Date, request.Nights, request.Quantity, request.PromoCode))
        ?? (string.IsNullOrWhiteSpace(request.CardNumber) || request.CardNumber.Length is < 12 or > 19 || !request.CardNumber.All(char.IsAsciiDigit)
            ? "cardNumber must be 12 to 19 digits" : null);
}
