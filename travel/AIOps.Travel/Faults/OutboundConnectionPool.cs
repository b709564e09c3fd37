namespace AIOps.Travel.Faults;

/// <summary>
/// The instance's pool of outgoing connections (as a database or HTTP client pool would be): a call
/// waits for a free slot, and gives up after <see cref="AcquireTimeout"/>. A connection-pool fault
/// leaks slots, so calls queue and then fail.
/// </summary>
internal sealed class OutboundConnectionPool(int size = OutboundConnectionPool.DefaultSize) : IDisposable
{
    public const int DefaultSize = 64;
    public static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _slots = new(size, size);

    public int Size { get; } = size;

    public int Available => _slots.CurrentCount;

    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(AcquireTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new ConnectionPoolExhaustedException(Size);
        }

        return new Lease(_slots);
    }

    /// <summary>Takes <paramref name="count"/> slots and never returns them until the handle is disposed.</summary>
    public IDisposable Leak(int count)
    {
        var taken = 0;
        while (taken < count && _slots.Wait(0))
        {
            taken++;
        }

        return new LeakedSlots(_slots, taken);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }

    private sealed class LeakedSlots(SemaphoreSlim slots, int count) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (count > 0 && Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(count);
            }
        }
    }
}
