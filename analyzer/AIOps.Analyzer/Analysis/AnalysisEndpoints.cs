using AIOps.Analyzer.Incidents;
using AIOps.Collector.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AIOps.Analyzer.Analysis;

/// <summary>The analyzer's API under /api/v1: incidents, active signals, the analysis' progress and request-rate forecasts (docs/api.md).</summary>
public static class AnalysisEndpoints
{
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/incidents", ListIncidents);
        api.MapGet("/incidents/{id}", (string id, IncidentStore store) =>
            store.Get(id) is { } incident ? Json(incident) : NotFound($"no incident {id}"));
        api.MapGet("/analysis", (AnalysisEngine engine) => Json(engine.Status()));
        api.MapGet("/signals", (AnalysisEngine engine) => Json(engine.ActiveSignals().Select(IncidentSignal.From)));
        api.MapGet("/forecasts", (RequestRateForecasts forecasts) => Json(forecasts.All()));
        api.MapGet("/forecasts/{service}", (string service, RequestRateForecasts forecasts) =>
            forecasts.For(service) is { } forecast ? Json(forecast) : NotFound($"no forecast for {service} yet (forecasts refresh on a schedule once the service has traffic)"));
        return app;
    }

    private static IResult ListIncidents(string? status, string? from, string? to, int? limit, IncidentStore store, TimeProvider time)
    {
        IncidentStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Bad("status must be open or resolved");
            }

            wanted = parsed;
        }

        var (f, t, error) = QueryTime.ParseRange(from, to, time.GetUtcNow(), TimeSpan.FromDays(7));
        if (error is not null)
        {
            return Bad(error);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Bad($"limit must be between 1 and {MaxLimit}");
        }

        return Json(store.List(wanted, f / 1_000_000, t / 1_000_000, limit ?? 100));
    }

    private static IResult Json<T>(T value) => Results.Json(value, IncidentStore.Json);

    private static IResult Bad(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid query");

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "not found");
}
