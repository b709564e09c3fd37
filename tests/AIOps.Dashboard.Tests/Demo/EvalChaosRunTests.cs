using System.Text.Json;
using AIOps.Dashboard.Tests.Cli;
using Xunit.Abstractions;

namespace AIOps.Dashboard.Tests.Demo;

/// <summary>
/// `aiops eval chaos` end to end, as a user runs it: it starts the real demo, waits for the analysis to warm up,
/// injects two faults into every instance of a service, and reports. Ranking is being improved elsewhere, so only the
/// detection and the report's shape are held to here. Runs alone, like the demo incident test.
/// </summary>
[Collection(nameof(DemoIncidentRun))]
public sealed class EvalChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EvalChaos_TwoCases_DetectsBothAndReportsJson()
    {
        // Latency and errors on the services every journey passes through, on a five-minute simulated day (the warm-up).
        var run = await AiopsRun.ExecuteAsync(
            TimeSpan.FromMinutes(40),
            "eval", "chaos", "--cases", "2", "--json", "--seed", "17", "--services", "gateway,hotel", "--kinds", "latency,error",
            "--fault-seconds", "60", "--quiet-seconds", "20", "--day-minutes", "5");
        output.WriteLine(run.Error);
        output.WriteLine(run.Output);

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("seed").GetInt32().Should().Be(17);
        root.GetProperty("cases").GetInt32().Should().Be(2);
        foreach (var key in new[] { "ac1", "ac3", "ac5" })
        {
            root.GetProperty(key).GetDouble().Should().BeInRange(0, 1, key);
        }

        root.GetProperty("false_incidents").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        root.GetProperty("quiet_s").GetDouble().Should().BeGreaterThan(0);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(2);
        foreach (var result in results)
        {
            var fault = $"{result.GetProperty("fault").GetString()} on {result.GetProperty("service").GetString()}";
            result.GetProperty("detected").GetBoolean().Should().BeTrue(fault + " opens an incident");
            result.GetProperty("detection_delay_s").GetDouble().Should().BeInRange(0, 90, fault);
            result.GetProperty("instances").GetArrayLength().Should().BeGreaterThan(0);
            result.GetProperty("rank").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        }

        root.GetProperty("detected").GetInt32().Should().Be(2);
        root.GetProperty("detection_delay_s").GetDouble().Should().BeGreaterThan(0);
        root.GetProperty("by_fault").EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["latency", "error"]);
    }
}
