using AIOps.Collector.Model;

namespace AIOps.Collector.Ingestion;

/// <summary>
/// Where every receiver hands its decoded batches. Returns once the accepted items are durable
/// (or at once with <see cref="IngestResult.Overloaded"/> when the write queue is full).
/// </summary>
public interface ITelemetryIngest
{
    ValueTask<IngestResult> IngestAsync(TraceBatch batch, CancellationToken cancellationToken);

    ValueTask<IngestResult> IngestAsync(MetricBatch batch, CancellationToken cancellationToken);

    ValueTask<IngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken);
}
