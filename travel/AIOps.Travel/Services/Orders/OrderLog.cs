namespace AIOps.Travel.Services.Orders;

internal static partial class OrderLog
{
    [LoggerMessage(400, LogLevel.Information, "Booking {BookingId} {Status} for {UserId}: {ItemId} {Total} {Currency}")]
    public static partial void Booked(ILogger logger, string bookingId, string status, string userId, string itemId, decimal total, string currency);

    [LoggerMessage(401, LogLevel.Error, "Booking {BookingId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string bookingId, string reason);
}
