namespace AIOps.Dashboard.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(2000, LogLevel.Information, "Demo: {Message}")]
    public static partial void Progress(ILogger logger, string message);

    [LoggerMessage(2001, LogLevel.Error, "Demo failed to start: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);
}
