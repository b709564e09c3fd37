namespace AIOps.Travel.Faults;

/// <summary>
/// Allocates and holds memory at a steady rate, touching every page so the resident set grows as a real
/// leak's would. Released when the fault ends. Capped so a long fault cannot take the machine down.
/// </summary>
internal sealed class MemoryLeakEffect : IDisposable
{
    public const long CapBytes = 2L * 1024 * 1024 * 1024;
    private const int TicksPerSecond = 10;

    private readonly List<byte[]> _held = [];
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly int _chunkBytes;
    private long _heldBytes;

    public MemoryLeakEffect(double megabytesPerSecond, TimeProvider time)
    {
        _chunkBytes = (int)(megabytesPerSecond * 1024 * 1024 / TicksPerSecond);
        var period = TimeSpan.FromSeconds(1.0 / TicksPerSecond);
        _timer = time.CreateTimer(_ => Leak(), null, TimeSpan.Zero, period);
    }

    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _held.Clear();
            Interlocked.Exchange(ref _heldBytes, 0);
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private void Leak()
    {
        lock (_gate)
        {
            if (_heldBytes + _chunkBytes > CapBytes)
            {
                return;
            }

            var chunk = GC.AllocateUninitializedArray<byte>(_chunkBytes);
            for (var i = 0; i < chunk.Length; i += 4096)
            {
                chunk[i] = 1;
            }

            _held.Add(chunk);
            Interlocked.Add(ref _heldBytes, chunk.Length);
        }
    }
}
