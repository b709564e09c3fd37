using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// POST /api/v1/alertmanager/webhook: Alertmanager's webhook receiver (payload version 4) behind a bearer token,
/// recording every notification; GET /api/v1/alertmanager/notifications reads the history back.
/// </summary>
public static class AlertmanagerWebhookEndpoints
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAlertmanagerWebhook(this IEndpointRouteBuilder endpoints, string token)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        endpoints.MapPost("/api/v1/alertmanager/webhook", async Task<Results<Ok<Recorded>, ProblemHttpResult>> (HttpRequest request, AlertHistory history, TimeProvider time) =>
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString()), expected))
            {
                return TypedResults.Problem("a bearer token is required (Authorization: Bearer ...)", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (request.ContentLength > MaxBodyBytes)
            {
                return TypedResults.Problem($"the body is over {MaxBodyBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var (notification, error) = WebhookPayload.Parse(await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false), time.GetUtcNow());
            if (notification is null)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            history.Record(notification);
            return TypedResults.Ok(new Recorded(notification.Alerts.Count));
        });
        endpoints.MapGet("/api/v1/alertmanager/notifications", Results<Ok<IReadOnlyList<AlertNotification>>, ProblemHttpResult> (AlertHistory history, int? limit) =>
            limit is < 1 or > 1000
                ? TypedResults.Problem("limit must be from 1 to 1000", statusCode: StatusCodes.Status400BadRequest)
                : TypedResults.Ok(history.Recent(limit ?? 100)));
        return endpoints;
    }

    /// <summary>The webhook's answer: how many alerts were recorded.</summary>
    public sealed record Recorded(int Alerts);
}
