using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Orders;

namespace AIOps.Travel.Services;

/// <summary>The order service: look-ups, and booking creation through <see cref="BookingWorkflow"/>.</summary>
internal static class OrderEndpoints
{
    public static void Add(IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(_ => new OrderStore(dataDirectory));
        services.AddSingleton<QueuePublisher>();
        services.AddScoped<BookingWorkflow>();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/orders", async Task<Results<Created<Booking>, ProblemHttpResult>> (BookingRequest request, BookingWorkflow workflow, CancellationToken cancellationToken) =>
        {
            var outcome = await workflow.BookAsync(request, cancellationToken).ConfigureAwait(false);
            return outcome.Booking is { } booking
                ? TypedResults.Created($"/api/bookings/{booking.BookingId}", booking)
                : TypedResults.Problem(outcome.Problem, statusCode: outcome.StatusCode);
        });
        app.MapGet("/orders/{id}", Results<Ok<Booking>, NotFound> (string id, OrderStore store) =>
            store.Find(id) is { } booking ? TypedResults.Ok(booking) : TypedResults.NotFound());
        app.MapGet("/orders", Results<Ok<IReadOnlyList<Booking>>, ProblemHttpResult> (string? userId, OrderStore store) =>
            string.IsNullOrWhiteSpace(userId)
                ? TypedResults.Problem("userId is required", statusCode: StatusCodes.Status400BadRequest)
                : TypedResults.Ok(store.ForUser(userId, 50)));
    }
}
