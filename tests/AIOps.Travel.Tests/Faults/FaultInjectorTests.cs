using System.Diagnostics;
using AIOps.Testing;
using AIOps.Travel.Discovery;
using AIOps.Travel.Faults;
using AIOps.Travel.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Travel.Tests.Faults;

public sealed class FaultInjectorTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly OutboundConnectionPool _pool = new(8);
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private readonly FaultInjector _faults;
    private int _crashes;

    public FaultInjectorTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TravelTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (_stopped) { _stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(_listener);
        _faults = new FaultInjector(new InstanceIdentity("hotel", "hotel-1", "1", 1), _pool, _time, NullLogger<FaultInjector>.Instance, () => _crashes++);
    }

    public void Dispose()
    {
        _faults.Dispose();
        _pool.Dispose();
        _listener.Dispose();
    }

    private static FaultSpec Spec(string kind, double intensity, double seconds, double jitter = 0, string? dependency = null)
    {
        FaultSpec.TryCreate(new FaultRequest(kind, intensity, seconds, jitter == 0 ? null : jitter, dependency), out var spec, out var error).Should().BeTrue(error);
        return spec!;
    }

    [Fact]
    public void Inject_InsideARequestSpan_AnnouncesItAsASpanEvent()
    {
        using var request = new Activity("POST /admin/faults").Start();

        var fault = _faults.Inject(Spec("latency", 300, 60));

        var injected = request.Events.Should().ContainSingle(e => e.Name == "fault.injected").Subject;
        injected.Tags.Should().Contain(new KeyValuePair<string, object?>("fault.kind", "latency"));
        injected.Tags.Should().Contain(new KeyValuePair<string, object?>("fault.id", fault.Id));
        _faults.List().Should().ContainSingle(f => f.Id == fault.Id && f.Service == "hotel" && f.InstanceId == "hotel-1");
    }

    [Fact]
    public void Inject_DurationPasses_FaultEndsAndIsAnnounced()
    {
        var fault = _faults.Inject(Spec("error", 1, 30));
        _faults.ShouldFailRequest(out _).Should().BeTrue();

        _time.Advance(TimeSpan.FromSeconds(29));
        _faults.List().Should().ContainSingle();

        _time.Advance(TimeSpan.FromSeconds(2));

        _faults.List().Should().BeEmpty();
        _faults.ShouldFailRequest(out _).Should().BeFalse();
        lock (_stopped)
        {
            _stopped.Should().Contain(a => a.Events.Any(e => e.Name == "fault.expired" && e.Tags.Contains(new KeyValuePair<string, object?>("fault.id", fault.Id))));
        }
    }

    [Fact]
    public void RequestDelay_FixedLatency_IsExactlyTheIntensity()
    {
        _faults.Inject(Spec("latency", 250, 60));

        _faults.RequestDelay(out var cause).Should().Be(TimeSpan.FromMilliseconds(250));
        cause!.Kind.Should().Be("latency");
    }

    [Fact]
    public void RequestDelay_Jittered_StaysWithinBaseAndBasePlusJitter()
    {
        _faults.Inject(Spec("latency", 100, 60, jitter: 50));

        var delays = Enumerable.Range(0, 500).Select(i => _faults.RequestDelay(out _).TotalMilliseconds).ToList();

        delays.Should().OnlyContain(d => d >= 100 && d <= 150);
        (delays.Max() - delays.Min()).Should().BeGreaterThan(25, "the jitter must actually vary the delay");
    }

    [Fact]
    public void ShouldFailRequest_ErrorRate30Percent_FailsAboutThatShare()
    {
        _faults.Inject(Spec("error", 0.3, 60));

        var failures = Enumerable.Range(0, 4000).Count(i => _faults.ShouldFailRequest(out _));

        (failures / 4000.0).Should().BeApproximately(0.3, 0.05);
    }

    [Fact]
    public void DependencyFaults_ApplyOnlyToTheNamedDependency()
    {
        _faults.Inject(Spec("slow-dependency", 300, 60, dependency: "hotel"));
        _faults.Inject(Spec("failing-dependency", 1, 60, dependency: "payment"));

        _faults.DependencyDelay("hotel", out _).Should().Be(TimeSpan.FromMilliseconds(300));
        _faults.DependencyDelay("flight", out _).Should().Be(TimeSpan.Zero);
        _faults.ShouldFailDependency("payment", out _).Should().BeTrue();
        _faults.ShouldFailDependency("hotel", out _).Should().BeFalse();
    }

    [Fact]
    public async Task ConnectionPool_FullyLeaked_CallsTimeOutUntilTheFaultEnds()
    {
        var fault = _faults.Inject(Spec("connection-pool", 1, 60));
        _pool.Available.Should().Be(0);

        _faults.Clear(fault.Id).Should().BeTrue();

        _pool.Available.Should().Be(8);
        using var lease = await _pool.AcquireAsync(CancellationToken.None);
        _pool.Available.Should().Be(7);
    }

    [Fact]
    public async Task ConnectionPool_HalfLeaked_HalfTheSlotsRemain()
    {
        _faults.Inject(Spec("connection-pool", 0.5, 60));

        _pool.Available.Should().Be(4);
        var leases = new List<IDisposable>();
        for (var i = 0; i < 4; i++)
        {
            leases.Add(await _pool.AcquireAsync(CancellationToken.None));
        }

        _pool.Available.Should().Be(0);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Crash_Injected_RunsTheCrashAfterAnswering()
    {
        var fault = _faults.Inject(Spec("crash", 1, 1));

        fault.Kind.Should().Be("crash");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => _crashes == 1, TimeSpan.FromSeconds(5), "the crash action");
    }

    [Fact]
    public void ClearAll_SeveralFaults_EndsEveryOne()
    {
        _faults.Inject(Spec("latency", 100, 60));
        _faults.Inject(Spec("error", 0.1, 60));

        _faults.ClearAll().Should().Be(2);

        _faults.List().Should().BeEmpty();
        _faults.RequestDelay(out _).Should().Be(TimeSpan.Zero);
    }
}
