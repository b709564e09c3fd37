using System.ComponentModel.DataAnnotations;

namespace AIOps.Collector;

/// <summary>The collector's settings (section "Collector"): where data goes, how much is kept, what is accepted.</summary>
public sealed class CollectorOptions
{
    public const string SectionName = "Collector";

    [Required]
    public string DataDirectory { get; set; } = Path.Combine(".data", "store");

    /// <summary>Fsync every commit: acknowledged data survives power loss, not only a crash.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Spans waiting to be written before receivers answer "busy".</summary>
    [Range(1_000, 10_000_000)]
    public int SpanQueueCapacity { get; set; } = 200_000;

    [Range(1_000, 50_000_000)]
    public int SampleQueueCapacity { get; set; } = 4_000_000;

    [Range(1_000, 10_000_000)]
    public int LogQueueCapacity { get; set; } = 200_000;

    /// <summary>Largest request body accepted (413 beyond).</summary>
    [Range(1024, 1L << 30)]
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest body after gzip decompression.</summary>
    [Range(1024, 1L << 30)]
    public int MaxDecompressedBytes { get; set; } = 64 * 1024 * 1024;

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan TraceRetention { get; set; } = TimeSpan.FromDays(7);

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan MetricRetention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(7);

    [Range(1L << 20, long.MaxValue)]
    public long TraceQuotaBytes { get; set; } = 10L << 30;

    [Range(1L << 20, long.MaxValue)]
    public long MetricQuotaBytes { get; set; } = 10L << 30;

    [Range(1L << 20, long.MaxValue)]
    public long LogQuotaBytes { get; set; } = 10L << 30;

    /// <summary>Ingest API keys (x-api-key or Authorization: Bearer). None set: ingest is open.</summary>
    public string? PrimaryApiKey { get; set; }

    /// <summary>A second key, so that keys can be rotated without downtime.</summary>
    public string? SecondaryApiKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MetricCheckpointInterval { get; set; } = TimeSpan.FromMinutes(2);
}
