using System.Diagnostics;

namespace AIOps.Travel.Faults;

/// <summary>Keeps a fraction of every core busy: one thread per core, busy that fraction of each 50 ms slice.</summary>
internal sealed class CpuBurnEffect : IDisposable
{
    private const int SliceMs = 50;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];

    public CpuBurnEffect(double fraction)
    {
        var busy = TimeSpan.FromMilliseconds(SliceMs * fraction);
        var idle = TimeSpan.FromMilliseconds(SliceMs) - busy;
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            var thread = new Thread(() => Burn(busy, idle, _stop.Token)) { IsBackground = true, Name = "fault-cpu" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _stop.Dispose();
    }

    private static void Burn(TimeSpan busy, TimeSpan idle, CancellationToken stop)
    {
        var sink = 0.0;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(start) < busy)
            {
                sink = Math.Sqrt(sink + start);
            }

            if (idle > TimeSpan.Zero)
            {
                stop.WaitHandle.WaitOne(idle);
            }
        }

        GC.KeepAlive(sink);
    }
}
