namespace AIOps.Travel.Faults;

/// <summary>Applies latency and error faults to business requests (not to /admin, /healthz or /metrics).</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, ILogger<FaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics"))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var delay = faults.RequestDelay(out var slow);
        if (slow is not null && delay > TimeSpan.Zero)
        {
            FaultInjector.MarkApplied(slow);
            await FaultDelay.AtLeastAsync(delay, context.RequestAborted).ConfigureAwait(false);
        }

        if (faults.ShouldFailRequest(out var failing))
        {
            FaultInjector.MarkApplied(failing!);
            FaultLog.RequestFailed(logger, failing!.Id, failing.Kind);
            await Results.Problem("internal error (injected fault)", statusCode: StatusCodes.Status500InternalServerError)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
