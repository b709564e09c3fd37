using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services.Orders;

/// <summary>A created booking (in any status), or the problem that stopped it before an order existed.</summary>
internal sealed record BookingOutcome(Booking? Booking, int StatusCode, string? Problem)
{
    public static BookingOutcome Rejected(int statusCode, string? problem) => new(null, statusCode, problem);
}
