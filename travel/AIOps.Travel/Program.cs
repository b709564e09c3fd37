using System.CommandLine;
using AIOps.Travel.Cli;

// Signals cancel the command's token; the hosts then stop gracefully (deregistering, flushing
// telemetry) within the termination timeout.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
try
{
    return await TravelCli.Create().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
    return 2;
}
