using System.Diagnostics;
using System.Threading.Channels;
using AIOps.Collector.Model;
using AIOps.Collector.Observability;

namespace AIOps.Collector.Ingestion;

/// <summary>
/// The write path of one signal: a queue bounded by item count (a full queue answers "busy" at once,
/// so memory stays bounded), and one thread that takes everything queued, writes it in one transaction
/// (group commit), and only then completes each request: a request is acknowledged once durable.
/// Between writes the thread runs the signal's maintenance (retention, quota, checkpoints).
/// </summary>
internal sealed class SignalWriter<TBatch> : IDisposable
    where TBatch : class
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Signal _signal;
    private readonly long _capacity;
    private readonly int _maxItemsPerWrite;
    private readonly Func<TBatch, int> _count;
    private readonly Func<IReadOnlyList<TBatch>, IReadOnlyList<WriteOutcome>> _write;
    private readonly Action _maintain;
    private readonly TimeSpan _maintenanceInterval;
    private readonly CollectorMetrics _metrics;
    private readonly Action<Exception> _onError;
    private readonly Thread _thread;
    private int _disposed;
    private long _queuedItems;

    /// <param name="signal">Which signal.</param>
    /// <param name="capacity">Items that may wait.</param>
    /// <param name="maxItemsPerWrite">Items per transaction at most.</param>
    /// <param name="count">Items in a batch.</param>
    /// <param name="write">Writes batches in one transaction; returns what it refused of each.</param>
    /// <param name="maintain">Maintenance, run between writes.</param>
    /// <param name="maintenanceInterval">How often maintenance runs.</param>
    /// <param name="metrics">Self-metrics.</param>
    /// <param name="onError">Reports a failed write or maintenance run.</param>
    public SignalWriter(Signal signal, long capacity, int maxItemsPerWrite, Func<TBatch, int> count, Func<IReadOnlyList<TBatch>, IReadOnlyList<WriteOutcome>> write,
        Action maintain, TimeSpan maintenanceInterval, CollectorMetrics metrics, Action<Exception> onError)
    {
        _signal = signal;
        _capacity = capacity;
        _maxItemsPerWrite = maxItemsPerWrite;
        _count = count;
        _write = write;
        _maintain = maintain;
        _maintenanceInterval = maintenanceInterval;
        _metrics = metrics;
        _onError = onError;
        _thread = new Thread(Run) { IsBackground = true, Name = $"writer-{signal.ToString().ToLowerInvariant()}" };
        _thread.Start();
    }

    public long QueuedItems => Interlocked.Read(ref _queuedItems);

    /// <summary>Queues a batch; completes once it is durable, or at once with "busy" when the queue is full.</summary>
    public ValueTask<IngestResult> EnqueueAsync(TBatch batch, CancellationToken cancellationToken)
    {
        var items = _count(batch);
        if (items == 0)
        {
            return ValueTask.FromResult(new IngestResult(0, 0, null));
        }

        if (Interlocked.Add(ref _queuedItems, items) > _capacity && items < _capacity)
        {
            Interlocked.Add(ref _queuedItems, -items);
            _metrics.Refused(_signal, items);
            return ValueTask.FromResult(IngestResult.Busy);
        }

        _metrics.QueueChanged(_signal, items);
        var pending = new Pending(batch, items, new TaskCompletionSource<IngestResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedItems, -items);
            _metrics.QueueChanged(_signal, -items);
            return ValueTask.FromResult(IngestResult.Busy);
        }

        // The caller's cancellation does not withdraw the batch: once queued it is written.
        return new ValueTask<IngestResult>(pending.Done.Task.WaitAsync(cancellationToken));
    }

    /// <summary>Stops taking new batches and waits for the queued ones to be written.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            _thread.Join(TimeSpan.FromSeconds(30));
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var lastMaintenance = Stopwatch.GetTimestamp();
        var taken = new List<Pending>();
        while (true)
        {
            var ready = reader.TryPeek(out _) || WaitForData(reader, _maintenanceInterval);
            if (ready)
            {
                var items = 0;
                while (items < _maxItemsPerWrite && reader.TryRead(out var pending))
                {
                    taken.Add(pending);
                    items += pending.Items;
                }

                if (taken.Count > 0)
                {
                    WriteTaken(taken, items);
                    taken.Clear();
                }
            }
            else if (reader.Completion.IsCompleted)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(lastMaintenance) >= _maintenanceInterval)
            {
                try
                {
                    _maintain();
                }
                catch (Exception ex)
                {
                    _onError(ex);
                }

                lastMaintenance = Stopwatch.GetTimestamp();
            }
        }
    }

    private static bool WaitForData(ChannelReader<Pending> reader, TimeSpan timeout)
    {
        try
        {
            var wait = reader.WaitToReadAsync().AsTask();
            return wait.Wait(timeout) && wait.Result;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private void WriteTaken(List<Pending> taken, int items)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcomes = _write([.. taken.Select(p => p.Batch)]);
            _metrics.WriteLatency(_signal, Stopwatch.GetElapsedTime(started).TotalSeconds);
            for (var i = 0; i < taken.Count; i++)
            {
                var outcome = outcomes.Count > i ? outcomes[i] : default;
                _metrics.Accepted(_signal, taken[i].Items - outcome.Rejected);
                _metrics.Rejected(_signal, outcome.Rejected);
                taken[i].Done.TrySetResult(new IngestResult(taken[i].Items - outcome.Rejected, outcome.Rejected, outcome.Reason));
            }
        }
        catch (Exception ex)
        {
            _onError(ex);
            foreach (var pending in taken)
            {
                pending.Done.TrySetException(ex);
            }
        }
        finally
        {
            Interlocked.Add(ref _queuedItems, -items);
            _metrics.QueueChanged(_signal, -items);
        }
    }

    private sealed record Pending(TBatch Batch, int Items, TaskCompletionSource<IngestResult> Done);
}
