using AIOps.Travel.Discovery;

namespace AIOps.Travel.Balancing;

/// <summary>What a caller tracks per replica: requests in flight, a latency average, ejection after refused connections.</summary>
public sealed class InstanceState(ServiceInstance instance)
{
    /// <summary>Time constant of the latency average: a sample this old weighs 1/e of a fresh one.</summary>
    public static readonly TimeSpan DecayTime = TimeSpan.FromSeconds(2);

    private readonly Lock _latencyGate = new();

    private int _inFlight;
    private long _ewmaMicros = -1;
    private long _ejectedUntilTicks;
    private long _served;
    private long _lastResponse;

    public ServiceInstance Instance { get; private set; } = instance;

    public int InFlight => Volatile.Read(ref _inFlight);

    public long Served => Interlocked.Read(ref _served);

    /// <summary>
    /// Peak-sensitive moving average of response time in milliseconds (Finagle's "peak EWMA"): a slower
    /// response takes effect at once, faster ones pull it down with a weight that grows with the time
    /// since the last sample. Null before the first response.
    /// </summary>
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

    /// <summary>
    /// The latency average as it stands at <paramref name="timestamp"/> (a Stopwatch timestamp): it decays
    /// with the time since the last response, so a replica that was slow and then got no traffic is
    /// tried again instead of being shunned for ever. Null before the first response.
    /// </summary>
    public double? LatencyAt(long timestamp)
    {
        lock (_latencyGate)
        {
            if (_ewmaMicros < 0)
            {
                return null;
            }

            var idle = System.Diagnostics.Stopwatch.GetElapsedTime(_lastResponse, timestamp);
            return _ewmaMicros / 1000.0 * Math.Exp(-Math.Max(0, idle.TotalSeconds) / DecayTime.TotalSeconds);
        }
    }

    public void Update(ServiceInstance instance) => Instance = instance;

    public void Begin()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _served);
    }

    public void End(TimeSpan elapsed)
    {
        Interlocked.Decrement(ref _inFlight);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var sample = (long)(elapsed.TotalMilliseconds * 1000);
        lock (_latencyGate)
        {
            var current = _ewmaMicros;
            if (current < 0 || sample >= current)
            {
                _ewmaMicros = sample;
            }
            else
            {
                var age = System.Diagnostics.Stopwatch.GetElapsedTime(_lastResponse, now);
                var keep = Math.Exp(-age.TotalSeconds / DecayTime.TotalSeconds);
                _ewmaMicros = (long)((keep * current) + ((1 - keep) * sample));
            }

            Interlocked.Exchange(ref _lastResponse, now);
        }
    }

    public bool IsEjected(long nowTicks) => Interlocked.Read(ref _ejectedUntilTicks) > nowTicks;

    public void Eject(long untilTicks) => Interlocked.Exchange(ref _ejectedUntilTicks, untilTicks);
}
