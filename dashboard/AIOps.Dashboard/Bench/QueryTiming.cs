using System.Text.Json.Serialization;

namespace AIOps.Dashboard.Bench;

/// <summary>How long one kind of query took, in milliseconds, measured from a client.</summary>
public sealed record QueryTiming(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs);
