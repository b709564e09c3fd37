using System.ComponentModel.DataAnnotations;

namespace AIOps.Collector.Prometheus;

/// <summary>Limits of the remote-write receiver (POST /api/v1/write).</summary>
public sealed class RemoteWriteOptions
{
    public const string SectionName = "Collector:RemoteWrite";

    /// <summary>The smallest <see cref="MaxDecodedBytes"/> allowed.</summary>
    public const int MinimumDecodedBytes = 64 * 1024;

    /// <summary>The largest compressed body accepted (413 beyond it); Prometheus sends at most a few thousand samples a request.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The largest decompressed WriteRequest accepted (413 beyond it).</summary>
    [Range(MinimumDecodedBytes, 1024 * 1024 * 1024)]
    public int MaxDecodedBytes { get; set; } = RemoteWriteDecoder.DefaultMaxDecodedBytes;

    /// <summary>The Retry-After sent with 503 when the write queue is full.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
