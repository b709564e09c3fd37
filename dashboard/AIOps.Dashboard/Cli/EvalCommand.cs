using System.CommandLine;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops eval: scores the analyzer's algorithms on public benchmarks.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Evaluate algorithms on public benchmark datasets")
    {
        EvalNabCommand.Create(),
        EvalM4Command.Create(),
        EvalRcaCommand.Create(),
    };
}
