namespace AIOps.Collector.Prometheus;

/// <summary>The Prometheus receivers' log messages.</summary>
internal static partial class PrometheusLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Remote write refused with {StatusCode}: {Reason}")]
    public static partial void RemoteWriteRefused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Remote write of {Samples} samples deferred: the write queue is full")]
    public static partial void RemoteWriteOverloaded(ILogger logger, int samples);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Remote write: {Rejected} samples rejected: {Reason}")]
    public static partial void RemoteWriteRejected(ILogger logger, long rejected, string? reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Scrape of {Target} failed: {Reason}")]
    public static partial void ScrapeFailed(ILogger logger, Uri target, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Service discovery through {Registry} failed; keeping the {Count} targets found before")]
    public static partial void DiscoveryFailed(ILogger logger, Uri registry, int count, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Scraped samples of {Targets} targets not stored: {Reason}")]
    public static partial void ScrapeNotStored(ILogger logger, int targets, string? reason);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Scrape round failed")]
    public static partial void ScrapeRoundFailed(ILogger logger, Exception exception);
}
