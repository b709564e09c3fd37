using System.CommandLine;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops eval: scores the analyzer's algorithms on public benchmarks, and the whole host on chaos in the travel platform.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Evaluate algorithms on public benchmark datasets, and the host under chaos")
    {
        EvalNabCommand.Create(),
        EvalM4Command.Create(),
        EvalRcaCommand.Create(),
        EvalChaosCommand.Create(),
        EvalHealCommand.Create(),
    };
}
