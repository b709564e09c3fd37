using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AIOps.Travel.Telemetry;

/// <summary>The process's tracer and meter providers and its /metrics exporter; disposing flushes what they hold.</summary>
internal sealed class TelemetryProviders(TracerProvider? tracer, MeterProvider? meter, PrometheusTextExporter prometheus) : IDisposable
{
    /// <summary>Renders the metrics for GET /metrics.</summary>
    public PrometheusTextExporter Prometheus { get; } = prometheus;

    public void Dispose()
    {
        tracer?.Dispose();
        meter?.Dispose();
    }
}
