using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Scrapes every target once per interval, all concurrently, and hands one batch per round to the
/// ingest pipeline: each target's samples plus its up, scrape_duration_seconds and
/// scrape_samples_scraped. A round the pipeline cannot take is dropped; the next one follows.
/// </summary>
public sealed class ScrapeWorker(
    ScrapeTargetDiscovery discovery, TargetScraper scraper, ITelemetryIngest ingest, IOptions<ScrapeOptions> options, TimeProvider time, ILogger<ScrapeWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One scrape round; failures are logged, never thrown (except cancellation).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var targets = await discovery.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                return;
            }

            var results = await Task.WhenAll(targets.Select(t => scraper.ScrapeAsync(t, cancellationToken))).ConfigureAwait(false);
            var samples = new List<MetricSample>();
            var metadata = new Dictionary<string, MetricMetadata>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                if (result.Page is { } page)
                {
                    samples.AddRange(page.Samples);
                    foreach (var family in page.Metadata)
                    {
                        metadata.TryAdd(family.Name, family);
                    }
                }

                samples.AddRange(result.ReportSamples());
            }

            foreach (var family in ScrapeResult.ReportMetadata)
            {
                metadata.TryAdd(family.Name, family);
            }

            var stored = await ingest.IngestAsync(new MetricBatch(samples, [.. metadata.Values]), cancellationToken).ConfigureAwait(false);
            if (stored.Overloaded || stored.Rejected > 0)
            {
                PrometheusLog.ScrapeNotStored(logger, targets.Count, stored.RejectionReason);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            PrometheusLog.ScrapeRoundFailed(logger, e);
        }
    }
}
