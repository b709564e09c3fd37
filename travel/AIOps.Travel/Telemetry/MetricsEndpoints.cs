namespace AIOps.Travel.Telemetry;

/// <summary>GET /metrics: the process's metrics in Prometheus text format, for a scraper.</summary>
internal static class MetricsEndpoints
{
    private static readonly TimeSpan s_collectTimeout = TimeSpan.FromSeconds(5);

    public static void MapPrometheusMetrics(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", (TelemetryProviders telemetry) =>
            TypedResults.Text(telemetry.Prometheus.Scrape(s_collectTimeout), PrometheusTextExporter.ContentType));
}
