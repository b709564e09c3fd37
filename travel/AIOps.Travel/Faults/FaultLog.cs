namespace AIOps.Travel.Faults;

internal static partial class FaultLog
{
    [LoggerMessage(100, LogLevel.Warning, "Fault injected: {FaultKind} intensity {FaultIntensity} for {FaultDurationSeconds}s (dependency {FaultDependency}, id {FaultId}) on {Service}/{InstanceId}")]
    public static partial void Injected(ILogger logger, string faultKind, double faultIntensity, double faultDurationSeconds, string faultDependency, string faultId, string service, string instanceId);

    [LoggerMessage(101, LogLevel.Warning, "Fault ended: {FaultKind} (id {FaultId}) {Reason} on {Service}/{InstanceId}")]
    public static partial void Ended(ILogger logger, string faultKind, string faultId, string reason, string service, string instanceId);

    [LoggerMessage(102, LogLevel.Error, "Request failed by injected fault {FaultId} ({FaultKind})")]
    public static partial void RequestFailed(ILogger logger, string faultId, string faultKind);
}
