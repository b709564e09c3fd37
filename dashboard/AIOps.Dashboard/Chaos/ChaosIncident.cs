using System.Text.Json;

namespace AIOps.Dashboard.Chaos;

/// <summary>An incident as the chaos evaluation reads it from GET /api/v1/incidents.</summary>
/// <param name="Id">The incident's id.</param>
/// <param name="OpenedAt">When the analysis opened it (the end of the window that confirmed its first signal).</param>
/// <param name="Title">Its first signal in words.</param>
/// <param name="Services">The services with signals, in the order their first signal started.</param>
/// <param name="Causes">The services of its ranked root causes, best first; empty when it has none.</param>
public sealed record ChaosIncident(string Id, DateTimeOffset OpenedAt, string Title, IReadOnlyList<string> Services, IReadOnlyList<string> Causes)
{
    /// <summary>Reads one element of the incidents array; a missing <c>causes</c> is no ranking.</summary>
    public static ChaosIncident FromJson(JsonElement incident)
    {
        static IReadOnlyList<string> Strings(JsonElement parent, string name, Func<JsonElement, string?> read) =>
            parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
                ? [.. array.EnumerateArray().Select(read).OfType<string>()]
                : [];

        return new ChaosIncident(
            incident.GetProperty("id").GetString() ?? throw new InvalidDataException("an incident without an id"),
            incident.GetProperty("openedAt").GetDateTimeOffset(),
            incident.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty,
            Strings(incident, "services", s => s.GetString()),
            Strings(incident, "causes", c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("service", out var s) ? s.GetString() : null));
    }

    /// <summary>
    /// The 1-based rank of <paramref name="service"/> among the distinct services of the causes, or 0 when no cause
    /// names it.
    /// </summary>
    public int RankOf(string service)
    {
        var rank = Causes.Distinct(StringComparer.Ordinal).TakeWhile(s => s != service).Count() + 1;
        return rank <= Causes.Distinct(StringComparer.Ordinal).Count() ? rank : 0;
    }
}
