namespace AIOps.Dashboard.Tests.Cli;

/// <summary>`aiops eval chaos` options that cannot work are refused before any demo starts.</summary>
public sealed class EvalChaosCommandTests
{
    [Theory]
    [InlineData("--fault-seconds", "90-60", "--fault-seconds '90-60' must be SECONDS or MIN-MAX")]
    [InlineData("--quiet-seconds", "0", "--quiet-seconds '0' must be SECONDS or MIN-MAX")]
    [InlineData("--kinds", "crash", "--kinds: unknown 'crash'")]
    [InlineData("--services", "taxi", "--services: unknown 'taxi'")]
    [InlineData("--cases", "0", "--cases must be at least 1")]
    [InlineData("--qps", "0", "--qps must be between 1 and 5000")]
    public async Task EvalChaos_BadOption_ExitsWith2NamingIt(string option, string value, string message)
    {
        var run = await AiopsRun.ExecuteAsync("eval", "chaos", option, value);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain(message);
        run.Error.Should().NotContain("the demo is up", "nothing starts before the options are checked");
    }
}
