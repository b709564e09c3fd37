using System.Diagnostics;
using AIOps.Dashboard.Tests.Hosting;

namespace AIOps.Dashboard.Tests.Cli;

/// <summary>One `aiops ...` command run to completion as a user runs it: its exit code and what it printed.</summary>
public sealed record AiopsRun(int ExitCode, string Output, string Error)
{
    public static Task<AiopsRun> ExecuteAsync(params string[] arguments) => ExecuteAsync(TimeSpan.FromSeconds(120), arguments);

    /// <param name="timeout">How long the command may run before it is killed and the test fails.</param>
    /// <param name="arguments">The command line after aiops.</param>
    public static async Task<AiopsRun> ExecuteAsync(TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(AiopsProcess.Dll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new AiopsRun(process.ExitCode, await output, await error);
    }
}
