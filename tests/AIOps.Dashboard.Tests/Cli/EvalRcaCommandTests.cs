using System.Text.Json;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Cli;

/// <summary>`aiops eval rca` on the shared Sock Shop faults (../shared/datasets/rcd-sockshop).</summary>
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
    [InlineData("--dataset", "nezha-tt", "unknown --dataset nezha-tt; valid: sockshop")]
    [InlineData("--data", "/nonexistent/rcd", "--data: /nonexistent/rcd does not exist")]
    public async Task EvalRca_BadOption_ExitsWith2NamingIt(string option, string value, string message)
    {
        var run = await AiopsRun.ExecuteAsync("eval", "rca", option, value);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain(message);
    }
}
