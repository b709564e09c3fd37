using System.CommandLine;
using AIOps.Dashboard.Cli;

// Signals cancel the command's token; the host then stops every child process before it exits.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
try
{
    return await AiopsCli.Create().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
    return 2;
}
