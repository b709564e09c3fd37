using System.Diagnostics;
using AIOps.Travel.Discovery;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Faults;

/// <summary>
/// The faults in force on this instance. Every injection and every end is announced in the logs and as
/// a span event, so that later analysis has ground truth; requests a fault touches carry an event too.
/// </summary>
internal sealed class FaultInjector : IDisposable
{
    private readonly Dictionary<string, Entry> _faults = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly InstanceIdentity _identity;
    private readonly OutboundConnectionPool _pool;
    private readonly TimeProvider _time;
    private readonly ILogger<FaultInjector> _logger;
    private readonly Action _crash;
    private volatile Entry[] _snapshot = [];

    public FaultInjector(InstanceIdentity identity, OutboundConnectionPool pool, TimeProvider time, ILogger<FaultInjector> logger, Action? crash = null)
    {
        _identity = identity;
        _pool = pool;
        _time = time;
        _logger = logger;
        _crash = crash ?? KillSelf;
    }

    public IReadOnlyList<ActiveFault> List() => _snapshot.Select(e => e.Fault).ToList();

    public ActiveFault Inject(FaultSpec spec)
    {
        var now = _time.GetUtcNow();
        var id = "f-" + Guid.NewGuid().ToString("N")[..10];
        var fault = new ActiveFault(id, FaultKinds.ToName(spec.Kind), spec.Intensity, spec.JitterMs, spec.Dependency, now, now + spec.Duration, _identity.Service, _identity.InstanceId);
        Announce("fault.injected", fault);
        FaultLog.Injected(_logger, fault.Kind, fault.Intensity, spec.Duration.TotalSeconds, fault.Dependency ?? "-", fault.Id, _identity.Service, _identity.InstanceId);
        if (spec.Kind == FaultKind.Crash)
        {
            // Answer the admin call first, then die without any graceful shutdown, as a real crash would.
            _ = Task.Delay(TimeSpan.FromMilliseconds(150), _time).ContinueWith(_ => _crash(), TaskScheduler.Default);
            return fault;
        }

        var effect = StartEffect(spec);
        var expiry = _time.CreateTimer(_ => End(id, "expired"), null, spec.Duration, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _faults[id] = new Entry(fault, spec, effect, expiry);
            _snapshot = [.. _faults.Values];
        }

        return fault;
    }

    public bool Clear(string id) => End(id, "cleared");

    public int ClearAll()
    {
        string[] ids;
        lock (_gate)
        {
            ids = [.. _faults.Keys];
        }

        return ids.Count(id => End(id, "cleared"));
    }

    /// <summary>The delay latency faults add to an incoming request (zero when none).</summary>
    public TimeSpan RequestDelay(out ActiveFault? cause)
    {
        cause = null;
        var total = 0.0;
        foreach (var entry in _snapshot)
        {
            if (entry.Spec.Kind == FaultKind.Latency)
            {
                total += entry.Spec.Intensity + (entry.Spec.JitterMs > 0 ? Random.Shared.NextDouble() * entry.Spec.JitterMs : 0);
                cause = entry.Fault;
            }
        }

        return TimeSpan.FromMilliseconds(total);
    }

    /// <summary>Whether an error fault fails this request.</summary>
    public bool ShouldFailRequest(out ActiveFault? cause) => Draw(FaultKind.Error, null, out cause);

    public TimeSpan DependencyDelay(string dependency, out ActiveFault? cause)
    {
        cause = null;
        var total = 0.0;
        foreach (var entry in _snapshot)
        {
            if (entry.Spec.Kind == FaultKind.SlowDependency && string.Equals(entry.Spec.Dependency, dependency, StringComparison.OrdinalIgnoreCase))
            {
                total += entry.Spec.Intensity;
                cause = entry.Fault;
            }
        }

        return TimeSpan.FromMilliseconds(total);
    }

    public bool ShouldFailDependency(string dependency, out ActiveFault? cause) => Draw(FaultKind.FailingDependency, dependency, out cause);

    public void Dispose() => ClearAll();

    /// <summary>Adds a "fault.applied" event to the current request's span.</summary>
    public static void MarkApplied(ActiveFault fault) =>
        Activity.Current?.AddEvent(new ActivityEvent("fault.applied", tags: Tags(fault)));

    private bool Draw(FaultKind kind, string? dependency, out ActiveFault? cause)
    {
        foreach (var entry in _snapshot)
        {
            if (entry.Spec.Kind == kind
                && (dependency is null || string.Equals(entry.Spec.Dependency, dependency, StringComparison.OrdinalIgnoreCase))
                && Random.Shared.NextDouble() < entry.Spec.Intensity)
            {
                cause = entry.Fault;
                return true;
            }
        }

        cause = null;
        return false;
    }

    private IDisposable? StartEffect(FaultSpec spec) => spec.Kind switch
    {
        FaultKind.Cpu => new CpuBurnEffect(spec.Intensity),
        FaultKind.Memory => new MemoryLeakEffect(spec.Intensity, _time),
        FaultKind.ThreadPool => new ThreadPoolBlockEffect((int)spec.Intensity, spec.Duration),
        FaultKind.ConnectionPool => _pool.Leak((int)Math.Ceiling(_pool.Size * spec.Intensity)),
        _ => null,
    };

    private bool End(string id, string reason)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_faults.Remove(id, out entry))
            {
                return false;
            }

            _snapshot = [.. _faults.Values];
        }

        entry.Expiry.Dispose();
        entry.Effect?.Dispose();
        FaultLog.Ended(_logger, entry.Fault.Kind, entry.Fault.Id, reason, _identity.Service, _identity.InstanceId);
        Announce("fault." + reason, entry.Fault);
        return true;
    }

    private static void Announce(string eventName, ActiveFault fault)
    {
        // Inside an admin request the event joins its span; from a timer it gets a span of its own.
        using var own = Activity.Current is null ? TravelTelemetry.Source.StartActivity("chaos " + eventName) : null;
        (own ?? Activity.Current)?.AddEvent(new ActivityEvent(eventName, tags: Tags(fault)));
    }

    private static ActivityTagsCollection Tags(ActiveFault fault) => new()
    {
        ["fault.id"] = fault.Id,
        ["fault.kind"] = fault.Kind,
        ["fault.intensity"] = fault.Intensity,
        ["fault.dependency"] = fault.Dependency,
        ["fault.ends_at"] = fault.EndsAt.ToUnixTimeMilliseconds(),
        ["service.instance.id"] = fault.InstanceId,
    };

    private static void KillSelf()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }

    private sealed record Entry(ActiveFault Fault, FaultSpec Spec, IDisposable? Effect, ITimer Expiry);
}
