using System.Diagnostics;
using System.Globalization;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Observability;

/// <summary>GET /metrics: the collector's own health in the Prometheus text format, for Prometheus or AIOps itself to scrape.</summary>
public static class CollectorMetricsEndpoints
{
    private static readonly Signal[] s_signals = [Signal.Traces, Signal.Metrics, Signal.Logs];

    public static IEndpointRouteBuilder MapCollectorMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (CollectorMetrics metrics, TelemetryStore store) => Results.Text(Render(metrics, store), ExpositionWriter.ContentType));
        return app;
    }

    internal static string Render(CollectorMetrics metrics, TelemetryStore store)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var w = new ExpositionWriter(text);
        Family(w, "aiops_ingest_accepted_total", MetricType.Counter, "Items (spans, samples, log records) stored and acknowledged", s => metrics.AcceptedTotal(s));
        Family(w, "aiops_ingest_rejected_total", MetricType.Counter, "Items refused as invalid (for example out-of-order samples, spans without ids)", s => metrics.RejectedTotal(s));
        Family(w, "aiops_ingest_refused_total", MetricType.Counter, "Items refused because the write queue was full (clients retry them)", s => metrics.RefusedTotal(s));
        w.WriteFamily("aiops_ingest_rejected_requests_total", MetricType.Counter, "Whole requests refused, by HTTP status");
        foreach (var ((signal, status), count) in metrics.RejectedRequests.OrderBy(r => r.Key.Signal).ThenBy(r => r.Key.Status))
        {
            w.WriteSample("aiops_ingest_rejected_requests_total", [new Label("signal", Name(signal)), new Label("status", status.ToString(CultureInfo.InvariantCulture))], count);
        }

        Family(w, "aiops_ingest_queue_items", MetricType.Gauge, "Items waiting to be written", s => metrics.QueueDepth(s));
        Family(w, "aiops_store_size_bytes", MetricType.Gauge, "Bytes on disk per signal", store.SizeBytes);
        w.WriteFamily("aiops_store_write_duration_seconds", MetricType.Histogram, "Time to write and commit one group of requests");
        foreach (var signal in s_signals)
        {
            var (buckets, sum) = metrics.Latency(signal);
            long cumulative = 0;
            for (var i = 0; i < CollectorMetrics.WriteLatencyBounds.Length; i++)
            {
                cumulative += buckets[i];
                w.WriteSample("aiops_store_write_duration_seconds_bucket", [new Label("le", ExpositionWriter.FormatValue(CollectorMetrics.WriteLatencyBounds[i])), new Label("signal", Name(signal))], cumulative);
            }

            cumulative += buckets[^1];
            w.WriteSample("aiops_store_write_duration_seconds_bucket", [new Label("le", "+Inf"), new Label("signal", Name(signal))], cumulative);
            w.WriteSample("aiops_store_write_duration_seconds_sum", [new Label("signal", Name(signal))], sum);
            w.WriteSample("aiops_store_write_duration_seconds_count", [new Label("signal", Name(signal))], cumulative);
        }

        w.WriteFamily("aiops_store_metric_series", MetricType.Gauge, "Metric series known to the store");
        w.WriteSample("aiops_store_metric_series", [], store.Metrics.SeriesCount);
        using var process = Process.GetCurrentProcess();
        w.WriteFamily("process_resident_memory_bytes", MetricType.Gauge, "Resident memory of the AIOps process");
        w.WriteSample("process_resident_memory_bytes", [], process.WorkingSet64);
        w.WriteFamily("process_cpu_seconds_total", MetricType.Counter, "CPU time of the AIOps process");
        w.WriteSample("process_cpu_seconds_total", [], process.TotalProcessorTime.TotalSeconds);
        return text.ToString();
    }

    private static void Family(ExpositionWriter w, string name, MetricType type, string help, Func<Signal, long> value)
    {
        w.WriteFamily(name, type, help);
        foreach (var signal in s_signals)
        {
            w.WriteSample(name, [new Label("signal", Name(signal))], value(signal));
        }
    }

    private static string Name(Signal signal) => signal.ToString().ToLowerInvariant();
}
