using AIOps.Travel.Faults;

namespace AIOps.Travel.Capacity;

/// <summary>
/// What one instance can serve: <see cref="Workers"/> requests at once, each holding its worker for
/// <see cref="WorkTime"/> of simulated work, so at most Workers / WorkTime requests a second. Requests beyond that
/// wait their turn (the latency an overloaded service shows) until <see cref="QueueLimit"/> are waiting; more are
/// refused at once (backpressure, never an unbounded queue). More instances, more workers: scaling out helps, as it
/// does for a service limited by its threads or connections.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly SemaphoreSlim _workers;
    private int _waiting;
    private long _refused;

    public WorkerPool(int workers, TimeSpan workTime, int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        Workers = workers;
        WorkTime = workTime;
        QueueLimit = queueLimit;
        _workers = new SemaphoreSlim(workers, workers);
    }

    public int Workers { get; }

    public TimeSpan WorkTime { get; }

    public int QueueLimit { get; }

    /// <summary>Requests a second this instance serves flat out.</summary>
    public double Capacity => WorkTime > TimeSpan.Zero ? Workers / WorkTime.TotalSeconds : double.PositiveInfinity;

    public int Busy => Workers - _workers.CurrentCount;

    public int Waiting => Volatile.Read(ref _waiting);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Does one request's work: waits for a worker, holds it for the work time. False when the queue is full.</summary>
    public async Task<bool> WorkAsync(CancellationToken cancellationToken)
    {
        if (!_workers.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Increment(ref _waiting) > QueueLimit)
            {
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _refused);
                return false;
            }

            try
            {
                await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        try
        {
            await FaultDelay.AtLeastAsync(WorkTime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _workers.Release();
        }

        return true;
    }

    public void Dispose() => _workers.Dispose();
}
