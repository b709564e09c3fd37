using System.Collections.Concurrent;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>An ingest that keeps every batch; it can be switched to answer Overloaded, or to wait until cancelled.</summary>
public sealed class RecordingIngest : ITelemetryIngest
{
    private readonly ConcurrentQueue<TraceBatch> _traces = new();
    private readonly ConcurrentQueue<MetricBatch> _metrics = new();
    private readonly ConcurrentQueue<LogBatch> _logs = new();
    private volatile bool _overloaded;
    private volatile bool _hang;
    private int _waiting;

    public bool Overloaded { get => _overloaded; set => _overloaded = value; }

    /// <summary>Ingest calls wait for their cancellation token (a deadline), as a stuck store would.</summary>
    public bool Hang { get => _hang; set => _hang = value; }

    public IReadOnlyList<SpanData> Spans => [.. _traces.SelectMany(b => b.Spans)];

    public IReadOnlyList<MetricSample> Samples => [.. _metrics.SelectMany(b => b.Samples)];

    public IReadOnlyList<LogData> Logs => [.. _logs.SelectMany(b => b.Records)];

    /// <summary>Calls held by <see cref="Hang"/> right now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public int Batches => _traces.Count + _metrics.Count + _logs.Count;

    public ValueTask<IngestResult> IngestAsync(TraceBatch batch, CancellationToken cancellationToken) =>
        RecordAsync(_traces, batch, batch.Spans.Count, cancellationToken);

    public ValueTask<IngestResult> IngestAsync(MetricBatch batch, CancellationToken cancellationToken) =>
        RecordAsync(_metrics, batch, batch.Samples.Count, cancellationToken);

    public ValueTask<IngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken) =>
        RecordAsync(_logs, batch, batch.Records.Count, cancellationToken);

    private async ValueTask<IngestResult> RecordAsync<T>(ConcurrentQueue<T> queue, T batch, int count, CancellationToken cancellationToken)
    {
        if (Hang)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        if (Overloaded)
        {
            return IngestResult.Busy;
        }

        queue.Enqueue(batch);
        return new IngestResult(count, 0, null);
    }
}
