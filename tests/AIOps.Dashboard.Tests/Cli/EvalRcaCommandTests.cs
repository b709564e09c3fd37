using System.Text.Json;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Cli;

/// <summary>`aiops eval rca` on the shared Sock Shop faults (../shared/datasets/rcd-sockshop) and TrainTicket faults (../shared/datasets/nezha-tt).</summary>
public sealed class EvalRcaCommandTests
{
    [Fact]
    public async Task EvalRca_SockShopJson_ReportsAcAtKOverallAndPerFault()
    {
        var run = await AiopsRun.ExecuteAsync("eval", "rca", "--dataset", "sockshop", "--data", SharedDatasets.PathOf("rcd-sockshop"), "--json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("cases").GetInt32().Should().Be(50);
        foreach (var key in new[] { "ac1", "ac3", "ac5", "avg5" })
        {
            root.GetProperty(key).GetDouble().Should().BeInRange(0, 1, key);
        }

        foreach (var fault in new[] { "cpu", "mem" })
        {
            var accuracy = root.GetProperty("by_fault").GetProperty(fault);
            accuracy.GetProperty("cases").GetInt32().Should().Be(25);
            accuracy.GetProperty("avg5").GetDouble().Should().BeGreaterThanOrEqualTo(0.98, fault);
        }
    }

    [Fact]
    public async Task EvalRca_NezhaTrainTicketJson_RanksEveryCaseThroughTheAnalyzer()
    {
        var run = await AiopsRun.ExecuteAsync("eval", "rca", "--dataset", "nezha-tt", "--data", SharedDatasets.PathOf("nezha-tt"), "--json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("cases").GetInt32().Should().Be(45);
        root.GetProperty("ranker").GetString().Should().Be("root-cause-analyzer");
        root.GetProperty("ac1").GetDouble().Should().BeLessThanOrEqualTo(root.GetProperty("ac5").GetDouble());
        root.GetProperty("ac1").GetDouble().Should().BeGreaterThanOrEqualTo(0.5, "CPU contention and network delay, 21 of the 45 faults, are found first");
        var byFault = root.GetProperty("by_fault");
        byFault.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["cpu_contention", "exception", "network_delay", "return"]);
        byFault.GetProperty("cpu_contention").GetProperty("cases").GetInt32().Should().Be(7);
        byFault.GetProperty("network_delay").GetProperty("ac1").GetDouble().Should().Be(1, "the gap into the delayed pod stands out on every edge into it");
        byFault.GetProperty("cpu_contention").GetProperty("ac1").GetDouble().Should().Be(1, "the contended pod's CPU use stands out");
    }

    [Fact]
    public async Task EvalRca_Table_HasAnOverallRowAndOnePerFault()
    {
        var run = await AiopsRun.ExecuteAsync("eval", "rca", "--data", SharedDatasets.PathOf("rcd-sockshop"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().MatchRegex(@"(?m)^fault\s+cases\s+AC@1\s+AC@3\s+AC@5\s+Avg@5")
            .And.MatchRegex(@"(?m)^all\s+50\s")
            .And.MatchRegex(@"(?m)^cpu\s+25\s")
            .And.MatchRegex(@"(?m)^mem\s+25\s");
    }

    [Theory]
    [InlineData("--dataset", "trainticket", "unknown --dataset trainticket; valid: sockshop, nezha-tt")]
    [InlineData("--data", "/nonexistent/rcd", "--data: /nonexistent/rcd does not exist")]
    public async Task EvalRca_BadOption_ExitsWith2NamingIt(string option, string value, string message)
    {
        var run = await AiopsRun.ExecuteAsync("eval", "rca", option, value);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain(message);
    }
}
