using System.Globalization;
using AIOps.Collector.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIOps.Collector.Query;

/// <summary>The collector's JSON query API under /api/v1 (documented in docs/api.md).</summary>
public static class QueryEndpoints
{
    public static IEndpointRouteBuilder MapCollectorQueries(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/services", (string? from, string? to, TelemetryQueries queries) =>
            Range(from, to, queries.Now, TimeSpan.FromHours(1)) is var (f, t, error) && error is null
                ? Results.Ok(queries.Services(f, t))
                : Bad(error!));
        api.MapGet("/red", (string? service, string? operation, string? from, string? to, string? step, TelemetryQueries queries) =>
        {
            if (string.IsNullOrWhiteSpace(service))
            {
                return Bad("service is required");
            }

            var (f, t, error) = Range(from, to, queries.Now, TimeSpan.FromHours(1));
            if (error is not null)
            {
                return Bad(error);
            }

            if (!TryStep(step, f, t, out var stepNanos, out error))
            {
                return Bad(error!);
            }

            return Results.Ok(new { service, operation, stepSeconds = stepNanos / 1e9, points = queries.Red(service, operation, f, t, stepNanos) });
        });
        api.MapGet("/graph", (string? from, string? to, TelemetryQueries queries) =>
            Range(from, to, queries.Now, TimeSpan.FromMinutes(15)) is var (f, t, error) && error is null
                ? Results.Ok(queries.Graph(f, t))
                : Bad(error!));
        api.MapGet("/metrics/names", (TelemetryQueries queries) => Results.Ok(queries.MetricNames()));
        api.MapGet("/metrics/query", MetricsQuery);
        api.MapGet("/traces/{traceId}", Results<Ok<IReadOnlyList<SpanView>>, NotFound<ProblemDetailsBody>, BadRequest<ProblemDetailsBody>> (string traceId, TelemetryQueries queries) =>
        {
            if (!TraceId.TryParse(traceId, out var id))
            {
                return TypedResults.BadRequest(new ProblemDetailsBody("traceId must be 32 hex characters"));
            }

            var spans = queries.Trace(id);
            return spans.Count == 0 ? TypedResults.NotFound(new ProblemDetailsBody($"no span of trace {traceId} is stored")) : TypedResults.Ok(spans);
        });
        api.MapGet("/traces", TraceSearchQuery);
        api.MapGet("/logs", LogSearchQuery);
        return app;
    }

    private static IResult TraceSearchQuery(string? service, string? operation, string? minDuration, bool? error, string? attribute, string? from, string? to, int? limit, int? offset, TelemetryQueries queries)
    {
        var (f, t, rangeError) = Range(from, to, queries.Now, TimeSpan.FromHours(1));
        if (rangeError is not null)
        {
            return Bad(rangeError);
        }

        var min = TimeSpan.Zero;
        if (minDuration is not null && !QueryTime.TryParseDuration(minDuration, out min))
        {
            return Bad("minDuration must be a duration such as 250ms, 2s or 1m");
        }

        (string, string)? attributeFilter = null;
        if (attribute is not null)
        {
            if (!SearchParameters.TryParseAttribute(attribute, out var parsed))
            {
                return Bad("attribute must be key=value");
            }

            attributeFilter = parsed;
        }

        if (!TryPage(limit, offset, 20, out var page, out var pageError))
        {
            return Bad(pageError!);
        }

        return Results.Ok(queries.SearchTraces(new TraceSearch
        {
            FromUnixNano = f,
            ToUnixNano = t,
            Service = service,
            Operation = operation,
            MinDurationNanos = min.Ticks * 100,
            Error = error,
            Attribute = attributeFilter,
            Limit = page.Limit,
            Offset = page.Offset,
        }));
    }

    private static IResult LogSearchQuery(string? service, string? severity, string? text, string? traceId, string? from, string? to, int? limit, int? offset, TelemetryQueries queries)
    {
        var (f, t, rangeError) = Range(from, to, queries.Now, TimeSpan.FromHours(1));
        if (rangeError is not null)
        {
            return Bad(rangeError);
        }

        var minSeverity = 0;
        if (severity is not null && !SearchParameters.TryParseSeverity(severity, out minSeverity))
        {
            return Bad("severity must be trace, debug, info, warn, error, fatal or a number 1-24");
        }

        if (traceId is not null && !TraceId.TryParse(traceId, out _))
        {
            return Bad("traceId must be 32 hex characters");
        }

        if (!TryPage(limit, offset, 100, out var page, out var pageError))
        {
            return Bad(pageError!);
        }

        return Results.Ok(queries.SearchLogs(new LogSearch
        {
            FromUnixNano = f,
            ToUnixNano = t,
            Service = service,
            MinSeverity = minSeverity,
            Text = text,
            TraceId = traceId,
            Limit = page.Limit,
            Offset = page.Offset,
        }));
    }

    private static IResult MetricsQuery(HttpRequest request, TelemetryQueries queries)
    {
        var q = request.Query;
        var name = q["name"].ToString();
        if (name.Length == 0)
        {
            return Bad("name is required (GET /api/v1/metrics/names lists them)");
        }

        var (f, t, rangeError) = Range(q["from"], q["to"], queries.Now, TimeSpan.FromHours(1));
        if (rangeError is not null)
        {
            return Bad(rangeError);
        }

        if (!TryStep(q["step"], f, t, out var stepNanos, out var stepError))
        {
            return Bad(stepError!);
        }

        var window = TimeSpan.FromMinutes(1);
        if (q["window"].Count > 0 && !QueryTime.TryParseDuration(q["window"], out window))
        {
            return Bad("window must be a duration such as 1m");
        }

        var fn = q["fn"].Count > 0 ? q["fn"].ToString() : "none";
        var agg = q["agg"].Count > 0 ? q["agg"].ToString() : "none";
        if (fn is not ("none" or "rate" or "increase"))
        {
            return Bad("fn must be none, rate or increase");
        }

        if (agg is not ("none" or "sum" or "avg" or "max" or "min" or "count"))
        {
            return Bad("agg must be none, sum, avg, max, min or count");
        }

        double? quantile = null;
        if (q["quantile"].Count > 0)
        {
            if (!double.TryParse(q["quantile"], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
            {
                return Bad("quantile must be a number between 0 and 1");
            }

            quantile = value;
        }

        List<LabelMatcher> matchers;
        try
        {
            matchers = [.. q["match"].Concat(q["match[]"]).Where(m => !string.IsNullOrEmpty(m)).Select(m => LabelMatcher.Parse(m!))];
        }
        catch (ArgumentException ex)
        {
            return Bad(ex.Message);
        }

        var by = q["by"].SelectMany(b => (b ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var query = new MetricQuery
        {
            Name = name,
            Matchers = matchers,
            Function = quantile is null ? fn : (fn == "none" ? "rate" : fn),
            WindowMs = (long)window.TotalMilliseconds,
            Aggregation = agg,
            By = by,
            Quantile = quantile,
            FromMs = f / 1_000_000,
            ToMs = t / 1_000_000,
            StepMs = stepNanos / 1_000_000,
        };
        return Results.Ok(new { query = new { name, fn = query.Function, agg, by, quantile, window = window.TotalSeconds, step = stepNanos / 1e9 }, series = queries.Metrics(query) });
    }

    private static (long From, long To, string? Error) Range(string? from, string? to, DateTimeOffset now, TimeSpan defaultSpan) =>
        QueryTime.ParseRange(from, to, now, defaultSpan);

    private static bool TryStep(string? step, long from, long to, out long stepNanos, out string? error)
    {
        error = null;
        var span = to - from;
        stepNanos = Math.Max(10_000_000_000L, span / 240 / 10_000_000_000L * 10_000_000_000L);
        if (step is null)
        {
            return true;
        }

        if (!QueryTime.TryParseDuration(step, out var parsed) || parsed < TimeSpan.FromSeconds(1))
        {
            error = "step must be a duration of at least 1s, such as 10s or 1m";
            return false;
        }

        stepNanos = parsed.Ticks * 100;
        if (span / stepNanos > 11_000)
        {
            error = "step is too small for the range (at most 11,000 points)";
            return false;
        }

        return true;
    }

    private static bool TryPage(int? limit, int? offset, int defaultLimit, out (int Limit, int Offset) page, out string? error)
    {
        page = (limit ?? defaultLimit, offset ?? 0);
        error = SearchParameters.PageError(page.Limit, page.Offset);
        return error is null;
    }

    private static IResult Bad(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid query");
}
