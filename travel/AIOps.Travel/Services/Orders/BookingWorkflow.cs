using AIOps.Travel.Hosting;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services.Orders;

/// <summary>
/// A booking: user check, quote with promotions, inventory hold, order written to its shard, payment,
/// hold confirmed (or released), and a notification queued for asynchronous delivery.
/// </summary>
internal sealed class BookingWorkflow(ServiceCaller caller, OrderStore orders, QueuePublisher publisher, TimeProvider time, ILogger<BookingWorkflow> logger)
{
    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        if (Validation.Booking(request) is { } error)
        {
            return BookingOutcome.Rejected(StatusCodes.Status400BadRequest, error);
        }

        var type = request.Type!;
        var user = await caller.GetAsync<UserProfile>("user", $"/users/{Uri.EscapeDataString(request.UserId!)}", cancellationToken).ConfigureAwait(false);
        if (!user.IsSuccess || user.Value is null)
        {
            return BookingOutcome.Rejected(StatusCodes.Status422UnprocessableEntity, $"userId '{request.UserId}' is unknown");
        }

        if (user.Value.Blocked)
        {
            return BookingOutcome.Rejected(StatusCodes.Status403Forbidden, "the account is blocked");
        }

        var quoteRequest = new QuoteRequest(request.UserId, type, request.ItemId, request.Date, request.Nights, request.Quantity, request.PromoCode);
        var quote = await caller.PostAsync<Quote>("promotion", "/quotes", quoteRequest, cancellationToken).ConfigureAwait(false);
        if (!quote.IsSuccess || quote.Value is null)
        {
            return BookingOutcome.Rejected(quote.StatusCode == StatusCodes.Status404NotFound ? StatusCodes.Status422UnprocessableEntity : quote.StatusCode, quote.Problem);
        }

        var bookingId = OrderStore.NewId(request.UserId!);
        var holdRequest = new HoldRequest(request.ItemId, request.Date, type == "hotel" ? request.Nights ?? 1 : 1, request.Quantity ?? 1, bookingId);
        var hold = await caller.PostAsync<Hold>(type, "/holds", holdRequest, cancellationToken).ConfigureAwait(false);
        if (!hold.IsSuccess || hold.Value is null)
        {
            Count(hold.StatusCode == StatusCodes.Status409Conflict ? "sold_out" : "rejected", type);
            return BookingOutcome.Rejected(hold.StatusCode, hold.Problem);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var q = quote.Value;
        var booking = new Booking(bookingId, request.UserId!, type, q.ItemId, q.Date, q.Nights, q.Quantity, q.Total, q.Currency, "pending", null, null, now, now);
        orders.Insert(booking, hold.Value.Id);

        Payment payment;
        try
        {
            var paid = await caller.PostAsync<Payment>("payment", "/payments", new PaymentRequest(bookingId, booking.UserId, booking.Total, booking.Currency, request.CardNumber), cancellationToken).ConfigureAwait(false);
            payment = paid.Value ?? throw new DependencyException("payment", paid.StatusCode, paid.Problem ?? "no payment returned");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await ReleaseQuietlyAsync(type, hold.Value.Id).ConfigureAwait(false);
            orders.Update(booking, "failed", null, "payment unavailable: " + ex.Message, time.GetUtcNow().ToUnixTimeMilliseconds());
            OrderLog.Failed(logger, bookingId, "payment unavailable: " + ex.Message);
            Count("failed", type);
            throw;
        }

        if (payment.Status != "approved")
        {
            await ReleaseQuietlyAsync(type, hold.Value.Id).ConfigureAwait(false);
            booking = orders.Update(booking, "payment_declined", payment.Id, payment.Reason, time.GetUtcNow().ToUnixTimeMilliseconds());
            publisher.Publish(NotificationTopics.Notifications, new NotificationMessage("booking.payment_declined", booking.BookingId, booking.UserId, booking.Total, booking.Currency));
            Count("payment_declined", type);
            OrderLog.Booked(logger, booking.BookingId, booking.Status, booking.UserId, booking.ItemId, booking.Total, booking.Currency);
            return new BookingOutcome(booking, StatusCodes.Status201Created, null);
        }

        try
        {
            await caller.PostAsync<Hold>(type, $"/holds/{hold.Value.Id}/confirm", null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            orders.Update(booking, "failed", payment.Id, "inventory confirmation failed; refund due: " + ex.Message, time.GetUtcNow().ToUnixTimeMilliseconds());
            OrderLog.Failed(logger, bookingId, "inventory confirmation failed; refund due: " + ex.Message);
            Count("failed", type);
            throw;
        }

        booking = orders.Update(booking, "confirmed", payment.Id, null, time.GetUtcNow().ToUnixTimeMilliseconds());
        publisher.Publish(NotificationTopics.Notifications, new NotificationMessage("booking.confirmed", booking.BookingId, booking.UserId, booking.Total, booking.Currency));
        Count("confirmed", type);
        OrderLog.Booked(logger, booking.BookingId, booking.Status, booking.UserId, booking.ItemId, booking.Total, booking.Currency);
        return new BookingOutcome(booking, StatusCodes.Status201Created, null);
    }

    private async Task ReleaseQuietlyAsync(string type, string holdId)
    {
        try
        {
            await caller.SendAsync<Hold>(HttpMethod.Delete, type, $"/holds/{holdId}", null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DependencyException or HttpRequestException or Balancing.ServiceUnavailableException)
        {
            // The hold expires on its own (InventoryStore.HoldTime): stock comes back either way.
        }
    }

    private static void Count(string status, string type) =>
        TravelTelemetry.Bookings.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("type", type));
}
