namespace AIOps.Travel.Telemetry;

/// <summary>Where and how the platform exports OpenTelemetry data.</summary>
/// <param name="Endpoint">OTLP/HTTP base URL; /v1/traces, /v1/metrics and /v1/logs are appended. Null disables export.</param>
/// <param name="Headers">Extra export headers (for example an ingest API key), as "k=v,k2=v2".</param>
/// <param name="Environment">The deployment.environment resource attribute.</param>
/// <param name="MetricInterval">How often metrics are exported.</param>
public sealed record TelemetryOptions(Uri? Endpoint, string? Headers, string Environment, TimeSpan MetricInterval)
{
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:4318");
}
