using System.Collections.Concurrent;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>An ingest pipeline that keeps what it is given, or refuses it as overloaded when told to.</summary>
internal sealed class RecordingIngest : ITelemetryIngest
{
    private readonly ConcurrentQueue<MetricBatch> _batches = new();

    public bool Overloaded { get; set; }

    public IReadOnlyList<MetricBatch> Batches => [.. _batches];

    public IReadOnlyList<MetricSample> Samples => [.. _batches.SelectMany(b => b.Samples)];

    public IReadOnlyList<MetricMetadata> Metadata => [.. _batches.SelectMany(b => b.Metadata)];

    public ValueTask<IngestResult> IngestAsync(MetricBatch batch, CancellationToken cancellationToken)
    {
        if (Overloaded)
        {
            return ValueTask.FromResult(IngestResult.Busy);
        }

        _batches.Enqueue(batch);
        return ValueTask.FromResult(new IngestResult(batch.Samples.Count, 0, null));
    }

    public ValueTask<IngestResult> IngestAsync(TraceBatch batch, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the Prometheus receivers only ingest metrics");

    public ValueTask<IngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the Prometheus receivers only ingest metrics");
}
