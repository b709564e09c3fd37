namespace AIOps.Travel.Faults;

/// <summary>
/// Starves the thread pool the way sync-over-async code does: work items that block their thread
/// until the fault ends. Requests then queue until the pool injects more threads (slowly, by design).
/// </summary>
internal sealed class ThreadPoolBlockEffect : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _blocked;

    public ThreadPoolBlockEffect(int threads)
    {
        for (var i = 0; i < threads; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    var effect = (ThreadPoolBlockEffect)state!;
                    Interlocked.Increment(ref effect._blocked);
                    effect._stop.Token.WaitHandle.WaitOne();
                    Interlocked.Decrement(ref effect._blocked);
                },
                this);
        }
    }

    /// <summary>Threads currently held; it climbs as the pool grows.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    public void Dispose() => _stop.Cancel();
}
