using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// Alertmanager's v2 API, the parts AIOps uses: post alerts (firing, re-sent while they fire, resolved with
/// <c>endsAt</c>), create a silence and expire it. Failures throw <see cref="HttpRequestException"/> naming the call
/// and Alertmanager's answer.
/// </summary>
public sealed class AlertmanagerClient(HttpClient http)
{
    /// <summary>POST /api/v2/alerts.</summary>
    public async Task PostAlertsAsync(IReadOnlyList<OutgoingAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var body = new JsonArray([.. alerts.Select(a => (JsonNode)new JsonObject
        {
            ["labels"] = Map(a.Labels),
            ["annotations"] = Map(a.Annotations),
            ["startsAt"] = a.StartsAt.ToUniversalTime().ToString("O"),
            ["endsAt"] = a.EndsAt?.ToUniversalTime().ToString("O"),
            ["generatorURL"] = a.GeneratorUrl?.ToString(),
        })]);
        using var response = await http.PostAsJsonAsync("api/v2/alerts", body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "POST /api/v2/alerts", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/v2/silences: silences alerts whose labels equal every matcher, until <paramref name="endsAt"/>; returns its id.</summary>
    public async Task<string> CreateSilenceAsync(IReadOnlyDictionary<string, string> matchers, DateTimeOffset startsAt, DateTimeOffset endsAt, string createdBy, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        if (matchers.Count == 0)
        {
            throw new ArgumentException("a silence needs at least one matcher", nameof(matchers));
        }

        var body = new JsonObject
        {
            ["matchers"] = new JsonArray([.. matchers.Select(m => (JsonNode)new JsonObject { ["name"] = m.Key, ["value"] = m.Value, ["isRegex"] = false, ["isEqual"] = true })]),
            ["startsAt"] = startsAt.ToUniversalTime().ToString("O"),
            ["endsAt"] = endsAt.ToUniversalTime().ToString("O"),
            ["createdBy"] = createdBy,
            ["comment"] = comment,
        };
        using var response = await http.PostAsJsonAsync("api/v2/silences", body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "POST /api/v2/silences", cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.GetProperty("silenceID").GetString() ?? throw new HttpRequestException("POST /api/v2/silences: no silenceID in the answer");
    }

    /// <summary>DELETE /api/v2/silence/{id}: the silence ends now.</summary>
    public async Task ExpireSilenceAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        using var response = await http.DeleteAsync("api/v2/silence/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "DELETE /api/v2/silence/" + id, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) => new(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));

    private static async Task EnsureAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{call}: {(int)response.StatusCode} {text.Trim()}", null, response.StatusCode);
        }
    }
}
