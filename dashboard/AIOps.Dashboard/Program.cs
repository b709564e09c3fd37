using AIOps.Dashboard.Cli;

return await AiopsCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
