using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

/// <summary>One target's scrape: the parsed page when it succeeded, the reason when it did not.</summary>
public sealed record ScrapeResult(ScrapeTarget Target, MetricBatch? Page, TimeSpan Duration, long TimestampMs, string? Error)
{
    /// <summary>The series Prometheus adds to every scrape, with the target's labels.</summary>
    public static IReadOnlyList<MetricMetadata> ReportMetadata { get; } =
    [
        new("up", MetricType.Gauge, null, "1 when the target was scraped successfully, 0 when the scrape failed"),
        new("scrape_duration_seconds", MetricType.Gauge, "seconds", "How long the scrape took"),
        new("scrape_samples_scraped", MetricType.Gauge, null, "How many samples the target exposed"),
    ];

    public bool Up => Error is null;

    /// <summary>up, scrape_duration_seconds and scrape_samples_scraped for this scrape.</summary>
    public IReadOnlyList<MetricSample> ReportSamples()
    {
        var labels = Target.Labels;
        return
        [
            new(new SeriesKey("up", labels), TimestampMs, Up ? 1 : 0),
            new(new SeriesKey("scrape_duration_seconds", labels), TimestampMs, Duration.TotalSeconds),
            new(new SeriesKey("scrape_samples_scraped", labels), TimestampMs, Page?.Samples.Count ?? 0),
        ];
    }
}
