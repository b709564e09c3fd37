using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Hosting;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services.Notifications;

namespace AIOps.Travel.Services;

/// <summary>The notification service: the queue consumer, plus read APIs for deliveries, queue stats and dead letters.</summary>
internal static class NotificationEndpoints
{
    public static void Add(IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton(_ => new NotificationStore(Path.Combine(options.DataDirectory, "notifications.db")));
        services.AddSingleton<NotificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWorker>());
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/notifications", Results<Ok<IReadOnlyList<Contracts.SentNotification>>, ProblemHttpResult> (string? bookingId, NotificationStore store) =>
            string.IsNullOrWhiteSpace(bookingId)
                ? TypedResults.Problem("bookingId is required", statusCode: StatusCodes.Status400BadRequest)
                : TypedResults.Ok(store.ForBooking(bookingId)));
        app.MapGet("/queue/stats", (DurableQueue queue, TimeProvider time) => TypedResults.Ok(queue.Stats(time.GetUtcNow().ToUnixTimeMilliseconds())));
        app.MapGet("/queue/dead-letters", (DurableQueue queue, int? limit) => TypedResults.Ok(queue.DeadLetters(Math.Clamp(limit ?? 100, 1, 1000))));
        app.MapPost("/queue/dead-letters/{id}/redrive", Results<NoContent, NotFound> (string id, DurableQueue queue, TimeProvider time) =>
            queue.Redrive(id, time.GetUtcNow().ToUnixTimeMilliseconds()) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
