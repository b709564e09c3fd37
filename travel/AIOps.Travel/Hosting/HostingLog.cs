namespace AIOps.Travel.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(200, LogLevel.Warning, "Parent process {ParentPid} is gone; stopping")]
    public static partial void ParentGone(ILogger logger, int parentPid);

    [LoggerMessage(201, LogLevel.Information, "{Service} instance {InstanceId} listening on {Address}")]
    public static partial void Listening(ILogger logger, string service, string instanceId, string address);

    [LoggerMessage(202, LogLevel.Warning, "Dependency call failed: {Dependency} {Error}")]
    public static partial void DependencyFailed(ILogger logger, string dependency, string error);

    [LoggerMessage(203, LogLevel.Error, "Unhandled error serving {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
