namespace AIOps.Remediator.Drivers.Process;

internal static partial class ProcessLog
{
    [LoggerMessage(1000, LogLevel.Information, "Started {Name} (pid {Pid}): {FileName} {Arguments}")]
    public static partial void Started(ILogger logger, string name, int pid, string fileName, string arguments);

    [LoggerMessage(1001, LogLevel.Warning, "{Name} (pid {Pid}) exited with code {ExitCode}")]
    public static partial void Exited(ILogger logger, string name, int pid, int exitCode);

    [LoggerMessage(1002, LogLevel.Information, "Stopped {Name} (pid {Pid}) in {Milliseconds} ms{Forced}")]
    public static partial void Stopped(ILogger logger, string name, int pid, long milliseconds, string forced);
}
