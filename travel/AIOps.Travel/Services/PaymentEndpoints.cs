using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Payments;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services;

/// <summary>
/// The payment service: charges a card through a simulated processor (15 to 45 ms), idempotent per order.
/// Test cards: ending 0002 are declined for insufficient funds, 0069 as suspected fraud; amounts over
/// 20,000 exceed the limit.
/// </summary>
internal static class PaymentEndpoints
{
    public const decimal Limit = 20_000m;

    public static void Add(IServiceCollection services, string dataDirectory) =>
        services.AddSingleton(_ => new PaymentStore(Path.Combine(dataDirectory, "payments.db")));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/payments", ChargeAsync);
        app.MapGet("/payments/{id}", Results<Ok<Payment>, NotFound> (string id, PaymentStore store) =>
            store.Find(id) is { } payment ? TypedResults.Ok(payment) : TypedResults.NotFound());
    }

    internal static string? DeclineReason(string card, decimal amount) =>
        card.EndsWith("0002", StringComparison.Ordinal) ? "insufficient_funds"
        : card.EndsWith("0069", StringComparison.Ordinal) ? "fraud_suspected"
        : amount > Limit ? "limit_exceeded"
        : null;

    private static async Task<Results<Created<Payment>, Ok<Payment>, ProblemHttpResult>> ChargeAsync(
        PaymentRequest request, PaymentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var error = string.IsNullOrWhiteSpace(request.OrderId) ? "orderId is required"
            : string.IsNullOrWhiteSpace(request.UserId) ? "userId is required"
            : request.Amount is not > 0 ? "amount must be positive"
            : string.IsNullOrWhiteSpace(request.Currency) ? "currency is required"
            : string.IsNullOrWhiteSpace(request.CardNumber) ? "cardNumber is required"
            : null;
        if (error is not null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (store.FindByOrder(request.OrderId!) is { } existing)
        {
            return TypedResults.Ok(existing);
        }

        var started = Stopwatch.GetTimestamp();
        using (var span = TravelTelemetry.Source.StartActivity("payment processor authorize", ActivityKind.Client))
        {
            span?.SetTag("peer.service", "payment-processor");
            await Task.Delay(TimeSpan.FromMilliseconds(15 + Random.Shared.Next(30)), time, cancellationToken).ConfigureAwait(false);
        }

        TravelTelemetry.ProviderLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("provider", "payment-processor"));
        var reason = DeclineReason(request.CardNumber!, request.Amount!.Value);
        var payment = store.Record(
            new Payment("pay-" + Guid.NewGuid().ToString("N")[..16], request.OrderId!, reason is null ? "approved" : "declined", reason, request.Amount.Value, request.Currency!, time.GetUtcNow().ToUnixTimeMilliseconds()),
            request.UserId!);
        TravelTelemetry.Payments.Add(1, new KeyValuePair<string, object?>("status", payment.Status));
        if (payment.Reason is not null)
        {
            TravelTelemetry.PaymentFailures.Add(1, new KeyValuePair<string, object?>("reason", payment.Reason));
        }

        return TypedResults.Created($"/payments/{payment.Id}", payment);
    }
}
