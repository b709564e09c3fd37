using AIOps.Collector.Model;
using AIOps.Collector.Observability;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Ingestion;

/// <summary>
/// <see cref="ITelemetryIngest"/> over the embedded store: one writer per signal, group commit, bounded
/// queues, and the store's upkeep (aggregate windows, retention, quotas, metric checkpoints) on the
/// writer threads between writes.
/// </summary>
public sealed class IngestPipeline : ITelemetryIngest, IDisposable
{
    private const int MaxSpansPerWrite = 20_000;
    private const int MaxSamplesPerWrite = 200_000;
    private const int MaxLogsPerWrite = 20_000;
    private static readonly TimeSpan s_maintenance = TimeSpan.FromSeconds(1);

    private readonly TelemetryStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestPipeline> _logger;
    private readonly SignalWriter<PreparedTraces> _traces;
    private readonly SignalWriter<MetricBatch> _metrics;
    private readonly SignalWriter<LogBatch> _logs;
    private long _lastCheckpoint;
    private int _disposed;
    private long _lastTraceRetention;
    private long _lastLogRetention;

    public IngestPipeline(TelemetryStore store, CollectorMetrics metrics, TimeProvider time, ILogger<IngestPipeline> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _lastCheckpoint = time.GetTimestamp();
        var options = store.Options;
        _traces = new SignalWriter<PreparedTraces>(Signal.Traces, options.SpanQueueCapacity, MaxSpansPerWrite, b => b.Batch.Spans.Count, WriteTraces, MaintainTraces, s_maintenance, metrics, OnError);
        _metrics = new SignalWriter<MetricBatch>(Signal.Metrics, options.SampleQueueCapacity, MaxSamplesPerWrite, b => b.Samples.Count, store.Metrics.Write, MaintainMetrics, s_maintenance, metrics, OnError);
        _logs = new SignalWriter<LogBatch>(Signal.Logs, options.LogQueueCapacity, MaxLogsPerWrite, b => b.Records.Count, WriteLogs, MaintainLogs, s_maintenance, metrics, OnError);
    }

    /// <summary>Encodes the spans here, on the receiving thread, then queues them for the writer.</summary>
    public ValueTask<IngestResult> IngestAsync(TraceBatch batch, CancellationToken cancellationToken) =>
        _traces.EnqueueAsync(new PreparedTraces(batch, TraceStore.Prepare(batch.Spans, _store.NowNanos)), cancellationToken);

    public ValueTask<IngestResult> IngestAsync(MetricBatch batch, CancellationToken cancellationToken) => _metrics.EnqueueAsync(batch, cancellationToken);

    public ValueTask<IngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken) => _logs.EnqueueAsync(batch, cancellationToken);

    /// <summary>Stops accepting, writes what is queued, and (for metrics) checkpoints.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _traces.Dispose();
        _logs.Dispose();
        _metrics.Dispose();
        try
        {
            _store.Metrics.Checkpoint();
        }
        catch (StoreException ex)
        {
            OnError(ex);
        }
    }

    private IReadOnlyList<WriteOutcome> WriteTraces(IReadOnlyList<PreparedTraces> batches)
    {
        var now = _store.NowNanos;
        var (red, edges) = _store.Aggregates.TakeFinal(now);
        _store.Traces.Write(batches.Count == 1 ? batches[0].Blocks : [.. batches.SelectMany(b => b.Blocks)], red, edges);
        foreach (var batch in batches)
        {
            _store.Aggregates.Add(batch.Batch.Spans, now);
        }

        return [];
    }

    private IReadOnlyList<WriteOutcome> WriteLogs(IReadOnlyList<LogBatch> batches)
    {
        _store.Logs.Write(batches.Count == 1 ? batches[0].Records : [.. batches.SelectMany(b => b.Records)], _store.NowNanos);
        return [];
    }

    private void MaintainTraces()
    {
        var now = _store.NowNanos;
        var (red, edges) = _store.Aggregates.TakeFinal(now);
        if (red.Count > 0 || edges.Count > 0)
        {
            _store.Traces.Write([], red, edges);
        }

        if (DueForRetention(ref _lastTraceRetention))
        {
            _store.Traces.Partitions.DeleteBefore(now - (_store.Options.TraceRetention.Ticks * 100));
            _store.Traces.Partitions.EnforceQuota(_store.Options.TraceQuotaBytes);
        }
    }

    private void MaintainLogs()
    {
        if (DueForRetention(ref _lastLogRetention))
        {
            _store.Logs.Partitions.DeleteBefore(_store.NowNanos - (_store.Options.LogRetention.Ticks * 100));
            _store.Logs.Partitions.EnforceQuota(_store.Options.LogQuotaBytes);
        }
    }

    private void MaintainMetrics()
    {
        if (_time.GetElapsedTime(_lastCheckpoint) >= _store.Options.MetricCheckpointInterval || _store.Metrics.WalBytes > 64L << 20)
        {
            _store.Metrics.Checkpoint();
            _lastCheckpoint = _time.GetTimestamp();
            _store.Metrics.DeleteBefore(_time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_store.Options.MetricRetention.TotalMilliseconds);
            _store.Metrics.EnforceQuota(_store.Options.MetricQuotaBytes);
        }
    }

    /// <summary>Retention and quotas every 10 s per signal is plenty (partitions are hourly). Writer thread of the signal only.</summary>
    private bool DueForRetention(ref long last)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(10))
        {
            return false;
        }

        last = now;
        return true;
    }

    private void OnError(Exception exception) => CollectorLog.WriteFailed(_logger, exception);
}
