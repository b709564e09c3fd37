using AIOps.Travel.Discovery;

namespace AIOps.Travel.Balancing;

/// <summary>What a caller tracks per replica: requests in flight, a latency average, ejection after refused connections.</summary>
public sealed class InstanceState(ServiceInstance instance)
{
    private const double EwmaWeight = 0.2;

    private int _inFlight;
    private long _ewmaMicros = -1;
    private long _ejectedUntilTicks;
    private long _served;
    private long _lastResponse;

    public ServiceInstance Instance { get; private set; } = instance;

    public int InFlight => Volatile.Read(ref _inFlight);

    public long Served => Interlocked.Read(ref _served);

    /// <summary>Stopwatch timestamp of the last response (0 before the first).</summary>
    public long LastResponseTimestamp => Interlocked.Read(ref _lastResponse);

    /// <summary>Exponentially weighted moving average of response time in milliseconds; null before the first response.</summary>
    public double? EwmaLatencyMs
    {
        get
        {
            var micros = Interlocked.Read(ref _ewmaMicros);
            return micros < 0 ? null : micros / 1000.0;
        }
    }

    /// <summary>Smooth weighted round robin's running weight; read and written under the strategy's lock.</summary>
    internal long CurrentWeight { get; set; }

    public void Update(ServiceInstance instance) => Instance = instance;

    public void Begin()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _served);
    }

    public void End(TimeSpan elapsed)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Exchange(ref _lastResponse, System.Diagnostics.Stopwatch.GetTimestamp());
        var sample = (long)(elapsed.TotalMilliseconds * 1000);
        long current, next;
        do
        {
            current = Interlocked.Read(ref _ewmaMicros);
            next = current < 0 ? sample : (long)((EwmaWeight * sample) + ((1 - EwmaWeight) * current));
        }
        while (Interlocked.CompareExchange(ref _ewmaMicros, next, current) != current);
    }

    public bool IsEjected(long nowTicks) => Interlocked.Read(ref _ejectedUntilTicks) > nowTicks;

    public void Eject(long untilTicks) => Interlocked.Exchange(ref _ejectedUntilTicks, untilTicks);
}
