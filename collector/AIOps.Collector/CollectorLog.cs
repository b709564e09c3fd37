namespace AIOps.Collector;

internal static partial class CollectorLog
{
    [LoggerMessage(3000, LogLevel.Error, "Writing to the store failed")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(3001, LogLevel.Warning, "Rejected {Signal} request: {Status} {Reason}")]
    public static partial void RequestRejected(ILogger logger, string signal, int status, string reason);
}
