using System.Diagnostics;

namespace AIOps.Travel.Faults;

/// <summary>
/// Starves the thread pool the way sync-over-async code does: work items that block their thread
/// until the fault ends, with the pool capped at that many threads so that it cannot grow its way out
/// (the runtime adds threads for blocked work). Requests queue behind the blocked items.
/// A starved pool cannot run the admin API or the expiry timer either, so each blocked item also lets
/// go on its own when the fault's time is up, and the last one restores the pool's limit.
/// </summary>
internal sealed class ThreadPoolBlockEffect : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _until;
    private readonly int _previousMaxWorkers;
    private readonly int _previousMaxIo;
    private int _pending;
    private int _blocked;
    private int _restored;

    public ThreadPoolBlockEffect(int threads, TimeSpan duration)
    {
        _until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        ThreadPool.GetMaxThreads(out _previousMaxWorkers, out _previousMaxIo);
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        var cap = Math.Max(threads, Math.Max(minWorkers, Environment.ProcessorCount));
        ThreadPool.SetMaxThreads(cap, _previousMaxIo);
        _pending = threads;

        // Starts a moment later, from a thread of its own, so that the admin call that asked for the
        // fault still gets its answer out before the pool is gone.
        var starter = new Thread(() =>
        {
            _stop.Token.WaitHandle.WaitOne(StartDelay);
            for (var i = 0; i < threads; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static effect => effect.Block(), this, preferLocal: false);
            }
        })
        { IsBackground = true, Name = "fault-thread-pool" };
        starter.Start();
    }

    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Threads currently held.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    public void Dispose()
    {
        _stop.Cancel();
        Restore();
    }

    private void Block()
    {
        Interlocked.Increment(ref _blocked);
        // Thread.Sleep, as blocking legacy code does: unlike waits on handles and tasks, the runtime does
        // not add threads to make up for it, so the pool really starves.
        while (!_stop.IsCancellationRequested && Stopwatch.GetTimestamp() < _until)
        {
            Thread.Sleep(50);
        }

        Interlocked.Decrement(ref _blocked);
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Restore();
        }
    }

    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            ThreadPool.SetMaxThreads(_previousMaxWorkers, _previousMaxIo);
        }
    }
}
