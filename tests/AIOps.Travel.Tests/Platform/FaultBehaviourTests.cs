using System.Diagnostics;
using System.Net;
using AIOps.Testing;

namespace AIOps.Travel.Tests.Platform;

/// <summary>Each fault type, injected through the admin API into a real process, changes behaviour as configured.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class FaultBehaviourTests : IAsyncLifetime
{
    private TravelPlatform _platform = null!;
    private TravelProcess _hotel = null!;

    public async Task InitializeAsync()
    {
        _platform = await TravelPlatform.StartAsync();
        await _platform.StartServiceAsync("gateway", "gateway-1");
        _hotel = await _platform.StartServiceAsync("hotel", "hotel-1");
        await _platform.StartServiceAsync("flight", "flight-1");
        (await GetAsync("api/hotels?city=Paris")).Status.Should().Be(200);
    }

    public Task DisposeAsync() => _platform.DisposeAsync().AsTask();

    [Fact]
    public async Task Latency_Fixed_IsInEveryMeasuredLatencyAndEndsWhenCleared()
    {
        await _platform.InjectAsync("hotel-1", new { kind = "latency", intensity = 200, durationSeconds = 60 });

        for (var i = 0; i < 10; i++)
        {
            (await GetAsync("api/hotels?city=Paris")).Elapsed.TotalMilliseconds.Should().BeGreaterThanOrEqualTo(200);
        }

        await _platform.ClearFaultsAsync("hotel-1");
        await Poll.UntilAsync(async () => (await GetAsync("api/hotels?city=Paris")).Elapsed.TotalMilliseconds < 200, TimeSpan.FromSeconds(5), "requests without the delay");
    }

    [Fact]
    public async Task Latency_Jittered_VariesBetweenBaseAndBasePlusJitter()
    {
        await _platform.InjectAsync("hotel-1", new { kind = "latency", intensity = 100, jitterMs = 150, durationSeconds = 60 });

        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            latencies.Add((await GetAsync("api/hotels?city=Paris")).Elapsed.TotalMilliseconds);
        }

        await _platform.ClearFaultsAsync("hotel-1");
        // Every request carries the base delay; the jitter spreads them. (Upper bounds on single samples
        // would measure the machine, not the fault: the median stands for them.)
        latencies.Should().OnlyContain(ms => ms >= 100);
        latencies.Order().ElementAt(latencies.Count / 2).Should().BeLessThan(100 + 150 + 50);
        (latencies.Max() - latencies.Min()).Should().BeGreaterThan(40);
    }

    [Fact]
    public async Task ErrorRate_ThirtyPercent_FailsWithinFivePointsOfIt()
    {
        await _platform.InjectAsync("hotel-1", new { kind = "error", intensity = 0.3, durationSeconds = 120 });

        var statuses = new List<int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var status = (await GetAsync("api/hotels?city=Paris")).Status;
            lock (statuses)
            {
                statuses.Add(status);
            }
        });

        await _platform.ClearFaultsAsync("hotel-1");
        statuses.Should().OnlyContain(s => s == 200 || s == 500);
        (statuses.Count(s => s == 500) / 1000.0).Should().BeApproximately(0.3, 0.05);
    }

    [Fact]
    public async Task Cpu_Half_BurnsHalfOfEveryCore()
    {
        await _platform.InjectAsync("hotel-1", new { kind = "cpu", intensity = 0.5, durationSeconds = 60 });

        var busy = await CpuSecondsPerSecondAsync(_hotel, TimeSpan.FromSeconds(2));
        await _platform.ClearFaultsAsync("hotel-1");
        var idle = await CpuSecondsPerSecondAsync(_hotel, TimeSpan.FromSeconds(1));

        // Lower bound only, with room for other processes sharing the cores.
        busy.Should().BeGreaterThan(0.4 * 0.5 * Environment.ProcessorCount);
        busy.Should().BeGreaterThan(3 * idle);
        idle.Should().BeLessThan(0.3);
    }

    [Fact]
    public async Task Memory_LeakOf64MbPerSecond_GrowsTheResidentSet()
    {
        var before = _hotel.ResidentBytes();

        await _platform.InjectAsync("hotel-1", new { kind = "memory", intensity = 64, durationSeconds = 30 });

        await Poll.UntilAsync(() => _hotel.ResidentBytes() > before + (150L << 20), TimeSpan.FromSeconds(15), "the resident set to grow by 150 MB");
        await _platform.ClearFaultsAsync("hotel-1");
    }

    [Fact]
    public async Task ThreadPool_Exhausted_RequestsStallUntilTheFaultEnds()
    {
        var hotel = await _platform.InstanceAsync("hotel-1");
        await _platform.InjectAsync("hotel-1", new { kind = "thread-pool", intensity = 400, durationSeconds = 8 });

        // The fault takes hold a moment after its admin call has answered.
        (int Status, TimeSpan Elapsed) stalled = default;
        await Poll.UntilAsync(
            async () =>
            {
                stalled = await GetAsync(new Uri(new Uri(hotel.Address), "/hotels?city=Paris"), TimeSpan.FromSeconds(2));
                return stalled.Status == 0 || stalled.Elapsed > TimeSpan.FromSeconds(1);
            },
            TimeSpan.FromSeconds(6),
            "a request to stall on the starved pool");

        // The starved pool cannot even run the admin API: the fault lets go when its duration ends.
        await Poll.UntilAsync(async () => (await GetAsync(new Uri(new Uri(hotel.Address), "/hotels?city=Paris"), TimeSpan.FromSeconds(2))).Elapsed < TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), "the pool to recover");
        (await GetAsync(new Uri(new Uri(hotel.Address), "/admin/faults"), TimeSpan.FromSeconds(5))).Status.Should().Be(200);
    }

    [Fact]
    public async Task ConnectionPool_FullyLeaked_CallsWaitThenFailWith503()
    {
        await _platform.InjectAsync("gateway-1", new { kind = "connection-pool", intensity = 1.0, durationSeconds = 60 });

        var hotels = await GetAsync("api/hotels?city=Paris");
        var flights = await GetAsync("api/flights?from=CDG&to=JFK&date=2026-12-24");

        await _platform.ClearFaultsAsync("gateway-1");
        hotels.Status.Should().Be(503);
        hotels.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.9));
        flights.Status.Should().Be(503);
        (await GetAsync("api/hotels?city=Paris")).Status.Should().Be(200);
    }

    [Fact]
    public async Task SlowDependency_OnlyCallsToThatDependencySlowDown()
    {
        await _platform.InjectAsync("gateway-1", new { kind = "slow-dependency", intensity = 300, dependency = "hotel", durationSeconds = 60 });

        var hotels = new List<double>();
        var flights = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            hotels.Add((await GetAsync("api/hotels?city=Paris")).Elapsed.TotalMilliseconds);
            flights.Add((await GetAsync("api/flights?from=CDG&to=JFK&date=2026-12-24")).Elapsed.TotalMilliseconds);
        }

        await _platform.ClearFaultsAsync("gateway-1");
        hotels.Should().OnlyContain(ms => ms >= 300);
        flights.Order().ElementAt(2).Should().BeLessThan(300);
    }

    [Fact]
    public async Task FailingDependency_CallsToThatDependencyFailWith502()
    {
        await _platform.InjectAsync("gateway-1", new { kind = "failing-dependency", intensity = 1.0, dependency = "hotel", durationSeconds = 60 });

        var hotels = await GetAsync("api/hotels?city=Paris");
        var flights = await GetAsync("api/flights?from=CDG&to=JFK&date=2026-12-24");

        await _platform.ClearFaultsAsync("gateway-1");
        hotels.Status.Should().Be(502);
        flights.Status.Should().Be(200);
    }

    [Fact]
    public async Task Crash_EndsTheProcess_AndTheRegistryEvictsIt()
    {
        var victim = await _platform.StartServiceAsync("user", "user-crash");

        await _platform.InjectAsync("user-crash", new { kind = "crash" });

        await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
        victim.HasExited.Should().BeTrue();
        victim.ExitCode.Should().NotBe(0);
        await Poll.UntilAsync(async () => (await _platform.InstancesAsync("user")).Count == 0, TimeSpan.FromSeconds(10), "the registry to evict the crashed instance");
    }

    [Fact]
    public async Task ChaosCommand_InjectListClear_DrivesTheAdminApiOfTheNamedService()
    {
        var registry = _platform.Registry.ToString();

        var inject = await ChaosAsync("inject", "hotel", "--kind", "latency", "--intensity", "120", "--duration", "60", "--registry", registry);
        var list = await ChaosAsync("list", "--registry", registry);
        var slowed = await GetAsync("api/hotels?city=Paris");
        var clear = await ChaosAsync("clear", "hotel", "--registry", registry);
        var after = await ChaosAsync("list", "--registry", registry);
        var refused = await ChaosAsync("inject", "hotel", "--kind", "error", "--intensity", "3", "--duration", "10", "--registry", registry);

        inject.ExitCode.Should().Be(0, inject.Output);
        inject.Output.Should().Contain("hotel-1: 201");
        list.Output.Should().Contain("hotel-1").And.Contain("latency").And.Contain("intensity 120");
        slowed.Elapsed.TotalMilliseconds.Should().BeGreaterThanOrEqualTo(120);
        clear.Output.Should().Contain("hotel-1: 200");
        after.Output.Should().NotContain("latency");
        refused.ExitCode.Should().Be(2);
        refused.Output.Should().Contain("intensity must be a fraction");
    }

    [Fact]
    public async Task AdminApi_BadFault_Is400NamingTheField()
    {
        var hotel = await _platform.InstanceAsync("hotel-1");

        using var response = await _platform.Http.PostAsync(new Uri(new Uri(hotel.Address), "/admin/faults"),
            new StringContent("""{"kind":"error","intensity":2,"durationSeconds":10}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("intensity");
    }

    private static async Task<(int ExitCode, string Output)> ChaosAsync(params string[] arguments)
    {
        await using var chaos = TravelProcess.Start("chaos", [TravelDll.Path, "chaos", .. arguments]);
        await chaos.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (chaos.ExitCode, chaos.Output);
    }

    private Task<(int Status, TimeSpan Elapsed)> GetAsync(string path) => GetAsync(new Uri(_platform.Gateway, path), TimeSpan.FromSeconds(10));

    private async Task<(int Status, TimeSpan Elapsed)> GetAsync(Uri url, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            using var response = await _platform.Http.GetAsync(url, cts.Token);
            await response.Content.ReadAsStringAsync(cts.Token);
            return ((int)response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            return (0, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<double> CpuSecondsPerSecondAsync(TravelProcess process, TimeSpan window)
    {
        var cpuBefore = process.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var done = false;
        // Waiting out the measurement window is the measurement, not synchronisation.
        await Poll.UntilAsync(() => done = Stopwatch.GetElapsedTime(started) >= window, window * 2, "the measurement window");
        return done ? (process.CpuTime() - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds : 0;
    }
}
