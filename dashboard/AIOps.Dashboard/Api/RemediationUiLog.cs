namespace AIOps.Dashboard.Api;

internal static partial class RemediationUiLog
{
    [LoggerMessage(2200, LogLevel.Warning, "Kill switch turned {State} by {User} from the dashboard")]
    public static partial void KillSwitch(ILogger logger, string state, string user);

    [LoggerMessage(2201, LogLevel.Information, "Policy file {Path} saved by {User} from the dashboard: {Count} policies in force")]
    public static partial void PoliciesSaved(ILogger logger, string path, int count, string user);
}
