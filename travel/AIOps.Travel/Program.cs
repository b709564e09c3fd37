using AIOps.Travel.Cli;

return await TravelCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
