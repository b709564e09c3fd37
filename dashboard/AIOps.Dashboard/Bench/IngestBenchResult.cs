using System.Text.Json.Serialization;

namespace AIOps.Dashboard.Bench;

/// <summary>What `aiops bench ingest --json` prints.</summary>
public sealed record IngestBenchResult(
    [property: JsonPropertyName("spans_per_s")] double SpansPerSecond,
    [property: JsonPropertyName("samples_per_s")] double SamplesPerSecond,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("samples_p99_ms")] double SamplesP99Ms,
    [property: JsonPropertyName("peak_rss_mb")] double PeakRssMb,
    [property: JsonPropertyName("prometheus_samples_per_s")] double? PrometheusSamplesPerSecond,
    [property: JsonPropertyName("victoriametrics_samples_per_s")] double? VictoriaMetricsSamplesPerSecond,
    [property: JsonPropertyName("samples_vs_prometheus")] double? SamplesVsPrometheus,
    [property: JsonPropertyName("samples_vs_victoriametrics")] double? SamplesVsVictoriaMetrics,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("spans_per_request")] int SpansPerRequest,
    [property: JsonPropertyName("samples_per_request")] int SamplesPerRequest,
    [property: JsonPropertyName("busy_answers")] long BusyAnswers,
    [property: JsonPropertyName("failed_requests")] long FailedRequests);
