using System.CommandLine;

namespace AIOps.Dashboard.Cli;

/// <summary>The aiops command line.</summary>
internal static class AiopsCli
{
    public static RootCommand Create() => new("AIOps: observes the travel platform, finds what is wrong, and heals it.")
    {
        ServeCommand.Create(),
        DemoCommand.Create(),
        BenchCommand.Create(),
        DetectCommand.Create(),
        ForecastCommand.Create(),
        RcaCommand.Create(),
        EvalCommand.Create(),
        UserCommand.Create(),
    };
}
