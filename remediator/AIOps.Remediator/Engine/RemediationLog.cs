namespace AIOps.Remediator.Engine;

internal static partial class RemediationLog
{
    [LoggerMessage(1100, LogLevel.Information, "Action {Id} ({Policy}) on {Service}: {State}: {Reason}")]
    public static partial void Moved(ILogger logger, string id, string policy, string service, string state, string reason);

    [LoggerMessage(1101, LogLevel.Debug, "Policy {Policy} matched incident {Incident} on {Service} with nothing to do: {Reason}")]
    public static partial void NothingToDo(ILogger logger, string policy, string incident, string service, string reason);

    [LoggerMessage(1102, LogLevel.Warning, "Policy {Policy} could not read {Service} from the {Driver} driver: {Reason}")]
    public static partial void Unreadable(ILogger logger, string policy, string service, string driver, string reason);

    [LoggerMessage(1103, LogLevel.Warning, "Alertmanager silence for action {Id} failed: {Reason}")]
    public static partial void SilenceFailed(ILogger logger, string id, string reason);

    [LoggerMessage(1104, LogLevel.Information, "Retention: {Actions} ended actions archived to {Archive}, {Alerts} notifications archived")]
    public static partial void Archived(ILogger logger, int actions, string archive, int alerts);

    [LoggerMessage(1105, LogLevel.Information, "Daily remediation report for {Day}: {Actions} actions, {Incidents} incidents; written to {Path}")]
    public static partial void Reported(ILogger logger, string day, int actions, int incidents, string path);
}
