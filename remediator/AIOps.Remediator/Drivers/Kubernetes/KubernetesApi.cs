using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIOps.Remediator.Drivers.Kubernetes;

/// <summary>
/// The few Kubernetes API calls remediation needs, over HttpClient: GET, PATCH with an explicit patch content type,
/// DELETE; every change can be a server-side dry run (<c>dryRun=All</c>) and names its field manager. A 409 Conflict
/// is retried a few times; any other refusal throws <see cref="KubernetesApiException"/> with the server's message.
/// </summary>
public sealed class KubernetesApi(HttpClient http, KubernetesConnection connection)
{
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string FieldManager = "aiops";
    private const int Attempts = 3;

    public string Namespace => connection.Namespace;

    /// <summary>A handler that trusts the connection's CA (or the system's roots) and presents its client certificate.</summary>
    public static SocketsHttpHandler Handler(KubernetesConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handler = new SocketsHttpHandler();
        if (connection.CertificateAuthority is { } ca)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && certificate is not null && SignedBy(certificate, ca);
        }

        if (connection.ClientCertificate is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
        }

        return handler;
    }

    /// <summary>The resource at <paramref name="path"/>; null when it does not exist (404).</summary>
    public async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync(response, "GET", path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Patches <paramref name="path"/>; returns the request as a plan line (method, path, content type, body).</summary>
    public async Task<string> PatchAsync(string path, string contentType, JsonObject body, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var target = WithChangeQuery(path, dryRun);
        var json = body.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            using var response = await SendAsync(HttpMethod.Patch, target, json, contentType, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                continue;
            }

            await ReadAsync(response, "PATCH", target, cancellationToken).ConfigureAwait(false);
            return $"PATCH {target} ({contentType}) {json}";
        }
    }

    /// <summary>Deletes <paramref name="path"/>; returns the request as a plan line.</summary>
    public async Task<string> DeleteAsync(string path, bool dryRun, CancellationToken cancellationToken)
    {
        var target = WithChangeQuery(path, dryRun);
        using var response = await SendAsync(HttpMethod.Delete, target, null, null, cancellationToken).ConfigureAwait(false);
        await ReadAsync(response, "DELETE", target, cancellationToken).ConfigureAwait(false);
        return $"DELETE {target}";
    }

    private static string WithChangeQuery(string path, bool dryRun) =>
        $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}fieldManager={FieldManager}{(dryRun ? "&dryRun=All" : "")}";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(connection.Server, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (connection.Token() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }

        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the status line says enough.
        }

        if (!response.IsSuccessStatusCode)
        {
            var message = json is { ValueKind: JsonValueKind.Object } status && status.TryGetProperty("message", out var m) ? m.GetString() : response.ReasonPhrase;
            throw new KubernetesApiException(response.StatusCode, method, path, message ?? "refused");
        }

        return json ?? default;
    }

    private static bool SignedBy(X509Certificate certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
