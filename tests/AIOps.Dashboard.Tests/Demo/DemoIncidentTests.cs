using System.Diagnostics;
using System.Text.Json;
using AIOps.Dashboard.Demo;
using AIOps.Testing;
using Xunit.Abstractions;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>
/// The live analysis in the real demo under accelerated traffic (a simulated day every 15 minutes, two flash sales a
/// day): half an hour with no fault, daily peaks and flash sales included, opens no incident and takes no remediation
/// action; then a latency fault on every instance of one service opens an incident within a minute whose signals
/// name that service.
/// </summary>
[Collection(nameof(DemoIncidentRun))]
public sealed class DemoIncidentTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_quietRun = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan s_detectionLimit = TimeSpan.FromSeconds(60);
    private const string FaultyService = "hotel";

    [Fact]
    public async Task AcceleratedTraffic_NoFaultOpensNoIncident_ThenALatencyFaultOpensOneNamingTheService()
    {
        await using var demo = TestDemo.Start("--qps", "40", "--day-minutes", "15", "--start-hour", "0", "--flash-sales-per-day", "2");
        await demo.RunningAsync(TimeSpan.FromSeconds(90));

        // The half hour starts once the detectors have learnt the platform (30 steps of 10 s); from then on any
        // incident is a false alarm. Each check also makes sure the analysis keeps up with the clock.
        await Poll.UntilAsync(async () => (await demo.GetAsync("/api/v1/analysis")).GetProperty("warmIndicators").GetInt32() >= 24, TimeSpan.FromMinutes(10), "the detectors to warm up");
        var quietStarted = Stopwatch.GetTimestamp();
        using (var cadence = new PeriodicTimer(TimeSpan.FromSeconds(10)))
        {
            while (Stopwatch.GetElapsedTime(quietStarted) < s_quietRun && await cadence.WaitForNextTickAsync())
            {
                var incidents = await demo.GetAsync("/api/v1/incidents");
                incidents.GetArrayLength().Should().Be(0, $"no fault was injected, yet after {Stopwatch.GetElapsedTime(quietStarted):mm\\:ss}: {incidents}");
                var actions = await demo.GetAsync("/api/v1/actions");
                actions.GetArrayLength().Should().Be(0, $"the demo's remediation has nothing to heal, yet after {Stopwatch.GetElapsedTime(quietStarted):mm\\:ss}: {actions}");
                var status = await demo.GetAsync("/api/v1/analysis");
                (DateTimeOffset.UtcNow - status.GetProperty("lastRunAt").GetDateTimeOffset()).Should().BeLessThan(TimeSpan.FromSeconds(30), "the analysis runs every 10 s");
            }
        }

        var watched = await demo.GetAsync("/api/v1/analysis");
        output.WriteLine($"no incident in {Stopwatch.GetElapsedTime(quietStarted):mm\\:ss} of warm analysis over {watched.GetProperty("warmIndicators")} indicators");
        var load = await File.ReadAllTextAsync(demo.LoadLog);
        load.Should().Contain("FLASH SALE", "the quiet run includes a flash sale");
        load.Should().Contain("sim Tue", "the quiet run covers more than a simulated day, peaks included");

        var instances = await demo.InstancesAsync(FaultyService);
        instances.Should().NotBeEmpty();
        var injected = Stopwatch.GetTimestamp();
        foreach (var instance in instances)
        {
            await demo.InjectFaultAsync(instance, new InstanceFault("latency", 300, 120));
        }

        JsonElement? opened = null;
        await Poll.UntilAsync(
            async () =>
            {
                opened = (await demo.GetAsync("/api/v1/incidents?status=open")).EnumerateArray()
                    .Cast<JsonElement?>()
                    .FirstOrDefault(i => i!.Value.GetProperty("signals").EnumerateArray().Any(s => s.GetProperty("service").GetString() == FaultyService));
                return opened is not null;
            },
            s_detectionLimit,
            $"an incident naming {FaultyService}");
        var delay = Stopwatch.GetElapsedTime(injected);
        output.WriteLine($"incident after {delay.TotalSeconds:F1} s: {opened}");
        delay.Should().BeLessThan(s_detectionLimit);
        opened!.Value.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Should().Contain(FaultyService);
        opened.Value.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
    }
}
