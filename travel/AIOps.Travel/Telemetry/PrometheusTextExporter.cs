using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AIOps.Travel.Telemetry;

/// <summary>
/// A pull exporter: the metrics the SDK holds are rendered as Prometheus text only when /metrics asks.
/// Attached through a <see cref="BaseExportingMetricReader"/>, which hands it a Collect delegate; a
/// scrape calls that delegate, the reader collects and calls <see cref="Export"/> on the same thread.
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PrometheusTextExporter : BaseExporter<Metric>, IPullMetricExporter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly Lock _gate = new();
    private StringBuilder? _page;

    /// <summary>Set by the metric reader this exporter is attached to.</summary>
    public Func<int, bool>? Collect { get; set; }

    /// <summary>Collects every metric now and returns the page; concurrent scrapes take turns.</summary>
    public string Scrape(TimeSpan timeout)
    {
        var collect = Collect ?? throw new InvalidOperationException("the exporter is not attached to a metric reader");
        lock (_gate)
        {
            _page = new StringBuilder(32 * 1024);
            try
            {
                return collect((int)timeout.TotalMilliseconds) ? _page.ToString() : throw new TimeoutException("metric collection did not finish in time");
            }
            finally
            {
                _page = null;
            }
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        // Outside a scrape (the final collection at shutdown) there is nobody to read the page.
        var page = _page;
        if (page is null)
        {
            return ExportResult.Failure;
        }

        foreach (var metric in batch)
        {
            PrometheusMetricWriter.Write(page, metric);
        }

        return ExportResult.Success;
    }
}
