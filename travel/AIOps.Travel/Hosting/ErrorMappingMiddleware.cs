using AIOps.Travel.Balancing;
using AIOps.Travel.Faults;

namespace AIOps.Travel.Hosting;

/// <summary>Turns dependency failures into the status codes a caller can act on, as problem details.</summary>
internal sealed class ErrorMappingMiddleware(RequestDelegate next, ILogger<ErrorMappingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, detail) = ex switch
            {
                ServiceUnavailableException or ConnectionPoolExhaustedException => (StatusCodes.Status503ServiceUnavailable, ex.Message),
                DependencyException or HttpRequestException => (StatusCodes.Status502BadGateway, ex.Message),
                TaskCanceledException or TimeoutException => (StatusCodes.Status504GatewayTimeout, "a dependency timed out"),
                _ => (StatusCodes.Status500InternalServerError, "internal error"),
            };
            if (status == StatusCodes.Status500InternalServerError)
            {
                HostingLog.Unhandled(logger, ex, context.Request.Path);
            }
            else
            {
                HostingLog.DependencyFailed(logger, context.Request.Path, ex.Message);
            }

            System.Diagnostics.Activity.Current?.AddException(ex);
            await Results.Problem(detail, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
