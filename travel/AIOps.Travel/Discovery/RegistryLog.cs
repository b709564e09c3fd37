namespace AIOps.Travel.Discovery;

internal static partial class RegistryLog
{
    [LoggerMessage(1, LogLevel.Information, "Registered {Service}/{InstanceId} at {Address}")]
    public static partial void Registered(ILogger logger, string service, string instanceId, string address);

    [LoggerMessage(2, LogLevel.Information, "Deregistered {Service}/{InstanceId}")]
    public static partial void Deregistered(ILogger logger, string service, string instanceId);

    [LoggerMessage(3, LogLevel.Warning, "Evicted {Service}/{InstanceId}: no heartbeat within the TTL")]
    public static partial void Evicted(ILogger logger, string service, string instanceId);

    [LoggerMessage(4, LogLevel.Warning, "Registry unreachable at {Registry}: {Error}")]
    public static partial void RegistryUnreachable(ILogger logger, string registry, string error);

    [LoggerMessage(5, LogLevel.Information, "Service {Service} now has {Count} live instances (index {Index})")]
    public static partial void InstancesChanged(ILogger logger, string service, int count, long index);
}
