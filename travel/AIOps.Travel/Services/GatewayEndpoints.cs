using AIOps.Travel.Hosting;

namespace AIOps.Travel.Services;

/// <summary>
/// The public API. Each route relays to the owning service's live replicas (chosen by the balancer)
/// and hands back status, content type and body as they came.
/// </summary>
internal static class GatewayEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/catalog", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "hotel", "/cities"));
        api.MapGet("/hotels", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "hotel", "/hotels" + context.Request.QueryString));
        api.MapGet("/hotels/{id}", (string id, HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "hotel", $"/hotels/{Uri.EscapeDataString(id)}"));
        api.MapGet("/flights", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "flight", "/flights" + context.Request.QueryString));
        api.MapPost("/quotes", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "promotion", "/quotes"));
        api.MapPost("/bookings", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "order", "/orders"));
        api.MapGet("/bookings", (HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "order", "/orders" + context.Request.QueryString));
        api.MapGet("/bookings/{id}", (string id, HttpContext context, ServiceCaller caller) => RelayAsync(context, caller, "order", $"/orders/{Uri.EscapeDataString(id)}"));
        api.MapGet("/bookings/{id}/notifications", (string id, HttpContext context, ServiceCaller caller) =>
            RelayAsync(context, caller, "notification", $"/notifications?bookingId={Uri.EscapeDataString(id)}"));
    }

    private static async Task RelayAsync(HttpContext context, ServiceCaller caller, string service, string path)
    {
        var request = context.Request;
        HttpContent? content = null;
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        {
            // Buffered so that the balancer can move the call to another replica after a refused connection.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            content = new ByteArrayContent(buffer.ToArray());
            if (request.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await caller.RelayAsync(new HttpMethod(request.Method), service, path, content, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        if (response.Headers.TryGetValues("X-Instance-Id", out var upstream))
        {
            context.Response.Headers["X-Upstream-Instance"] = upstream.First();
        }

        if (response.Headers.Location is { } location)
        {
            context.Response.Headers.Location = location.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
