using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Audit;
using AIOps.Remediator.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Remediator.Engine;

/// <summary>
/// The remediation API: GET /api/v1/actions and /api/v1/actions/{id} read the audit log; POST
/// /api/v1/actions/{id}/approve and /reject, and POST /api/v1/remediation/kill-switch, need an operator's bearer token
/// (the operator's name goes into the audit log).
/// </summary>
public static class RemediationEndpoints
{
    /// <param name="endpoints">Where to map.</param>
    /// <param name="operators">Operator name -> bearer token.</param>
    public static IEndpointRouteBuilder MapRemediationApi(this IEndpointRouteBuilder endpoints, IReadOnlyDictionary<string, string> operators)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(operators);
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/actions", Results<JsonHttpResult<IReadOnlyList<RemediationAction>>, ProblemHttpResult> (ActionLog log, string? state, string? service, int? limit) =>
        {
            if (limit is < 1 or > 1000)
            {
                return TypedResults.Problem("limit must be from 1 to 1000", statusCode: StatusCodes.Status400BadRequest);
            }

            ActionState? wanted = null;
            if (state is not null)
            {
                if (!Enum.TryParse<ActionState>(state, ignoreCase: true, out var parsed) || int.TryParse(state, out _))
                {
                    return TypedResults.Problem($"state must be one of {string.Join(", ", Enum.GetNames<ActionState>().Select(n => n.ToLowerInvariant()))}", statusCode: StatusCodes.Status400BadRequest);
                }

                wanted = parsed;
            }

            return Json<IReadOnlyList<RemediationAction>>([.. log.List()
                .Where(a => (wanted is null || a.State == wanted) && (service is null || a.Service == service))
                .Take(limit ?? 100)]);
        });
        api.MapGet("/actions/{id}", Results<JsonHttpResult<RemediationAction>, ProblemHttpResult> (ActionLog log, string id) =>
            log.Get(id) is { } action ? Json(action) : TypedResults.Problem($"no action {id}", statusCode: StatusCodes.Status404NotFound));
        api.MapPost("/actions/{id}/approve", async Task<Results<JsonHttpResult<RemediationAction>, ProblemHttpResult>> (HttpRequest request, RemediationEngine engine, string id, CancellationToken cancellationToken) =>
            Operator(request, operators) is not { } name ? Unauthorized()
            : await DecideAsync(() => engine.ApproveAsync(id, name, cancellationToken)).ConfigureAwait(false));
        api.MapPost("/actions/{id}/reject", async Task<Results<JsonHttpResult<RemediationAction>, ProblemHttpResult>> (HttpRequest request, RemediationEngine engine, string id, string? reason, CancellationToken cancellationToken) =>
            Operator(request, operators) is not { } name ? Unauthorized()
            : await DecideAsync(() => engine.RejectAsync(id, name, reason ?? "", cancellationToken)).ConfigureAwait(false));
        api.MapPost("/remediation/kill-switch", Results<Ok<KillSwitchState>, ProblemHttpResult> (HttpRequest request, RemediationEngine engine, bool? on) =>
        {
            if (Operator(request, operators) is not { } name)
            {
                return Unauthorized();
            }

            if (on is null)
            {
                return TypedResults.Problem("on must be true or false (?on=true stops every action)", statusCode: StatusCodes.Status400BadRequest);
            }

            engine.KillSwitch = on.Value;
            return TypedResults.Ok(new KillSwitchState(on.Value, name));
        });
        api.MapGet("/remediation/kill-switch", (RemediationEngine engine) => TypedResults.Ok(new KillSwitchState(engine.KillSwitch, null)));
        api.MapGet("/remediation/reports", (RemediationReports reports) =>
            TypedResults.Ok(reports.Days().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList()));
        api.MapGet("/remediation/reports/{day}", Results<JsonHttpResult<RemediationReport>, ProblemHttpResult> (RemediationReports reports, string day) =>
            !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? TypedResults.Problem($"day must be YYYY-MM-DD, not '{day}'", statusCode: StatusCodes.Status400BadRequest)
                : reports.Read(date) is { } report ? Json(report) : TypedResults.Problem($"no report for {day}", statusCode: StatusCodes.Status404NotFound));
        return endpoints;
    }

    /// <summary>The kill switch's state and who set it.</summary>
    public sealed record KillSwitchState(bool On, string? By);

    // The audit file's form: states, modes and types as kebab-case words.
    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, JsonLinesFile<RemediationAction>.Json);

    private static async Task<Results<JsonHttpResult<RemediationAction>, ProblemHttpResult>> DecideAsync(Func<Task<RemediationAction>> decide)
    {
        try
        {
            return Json(await decide().ConfigureAwait(false));
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("an operator's bearer token is required (Authorization: Bearer ...)", statusCode: StatusCodes.Status401Unauthorized);

    private static string? Operator(HttpRequest request, IReadOnlyDictionary<string, string> operators)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..]);
        return operators.FirstOrDefault(o => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(o.Value), given)).Key;
    }
}
