using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Ingestion;

/// <summary>
/// Ingest API keys, in x-api-key or Authorization: Bearer: a primary and a secondary key, so a key can
/// be rotated without dropping data. With no key configured, ingest is open (the one-machine demo).
/// Separate from user sign-in: these keys authorise telemetry senders only.
/// </summary>
public sealed class IngestAuthorization(IOptions<CollectorOptions> options)
{
    private readonly byte[][] _keys = [.. new[] { options.Value.PrimaryApiKey, options.Value.SecondaryApiKey }
        .Where(k => !string.IsNullOrEmpty(k)).Select(k => Encoding.UTF8.GetBytes(k!))];

    public bool Required => _keys.Length > 0;

    public bool IsAuthorized(HttpRequest request)
    {
        if (_keys.Length == 0)
        {
            return true;
        }

        var presented = request.Headers["x-api-key"].ToString();
        if (presented.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization[7..].Trim();
            }
        }

        if (presented.Length == 0)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }
}
