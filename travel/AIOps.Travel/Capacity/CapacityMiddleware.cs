using System.Globalization;

namespace AIOps.Travel.Capacity;

/// <summary>
/// Puts business requests (not /admin, /healthz or /metrics) through the instance's <see cref="WorkerPool"/> before
/// they are handled; a full queue is answered 503 with Retry-After and the reason.
/// </summary>
internal sealed class CapacityMiddleware(RequestDelegate next, WorkerPool pool)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics"))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!await pool.WorkAsync(context.RequestAborted).ConfigureAwait(false))
        {
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(
                string.Create(CultureInfo.InvariantCulture, $"overloaded: all {pool.Workers} workers busy and {pool.QueueLimit} requests waiting"),
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
