using System.Net;
using System.Text.Json;
using AIOps.Travel.Balancing;

namespace AIOps.Travel.Hosting;

/// <summary>
/// Calls other travel services by logical name (http://hotel/...). The balancing handler picks the
/// replica; the end client's address travels in X-Forwarded-For for IP-hash balancing downstream.
/// </summary>
internal sealed class ServiceCaller(IHttpClientFactory factory, IHttpContextAccessor accessor)
{
    public const string ClientName = "travel";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends a request; 5xx answers throw <see cref="DependencyException"/>, 4xx answers are returned.</summary>
    public async Task<DependencyResponse<T>> SendAsync<T>(HttpMethod method, string service, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Create(method, service, path, body);
        using var response = await factory.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new DependencyException(service, status, detail.Length > 200 ? detail[..200] : detail);
        }

        var value = response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NoContent
            ? await response.Content.ReadFromJsonAsync<T>(s_json, cancellationToken).ConfigureAwait(false)
            : default;
        var problem = response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new DependencyResponse<T>(status, value, problem);
    }

    public Task<DependencyResponse<T>> GetAsync<T>(string service, string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, service, path, null, cancellationToken);

    public Task<DependencyResponse<T>> PostAsync<T>(string service, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, service, path, body, cancellationToken);

    /// <summary>Sends a request and hands back the raw response (the gateway relays it as it is).</summary>
    public async Task<HttpResponseMessage> RelayAsync(HttpMethod method, string service, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = Create(method, service, path, null);
        request.Content = content;
        return await factory.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Create(HttpMethod method, string service, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri($"http://{service}{path}"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: s_json);
        }

        var client = ClientAddress(accessor.HttpContext);
        if (client is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
            request.Options.Set(BalancingHandler.ClientKey, client);
        }

        return request;
    }

    /// <summary>The end client: the first X-Forwarded-For entry, else the connection's remote address.</summary>
    public static string? ClientAddress(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrEmpty(forwarded))
        {
            var comma = forwarded.IndexOf(',', StringComparison.Ordinal);
            return (comma < 0 ? forwarded : forwarded[..comma]).Trim();
        }

        return context.Connection.RemoteIpAddress?.ToString();
    }
}
