namespace AIOps.Dashboard.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(2100, LogLevel.Warning, "No dashboard user was configured: created admin '{Name}' with password {Password} (also in {File}); sign in and replace it")]
    public static partial void FirstAdminCreated(ILogger logger, string name, string password, string file);

    [LoggerMessage(2101, LogLevel.Information, "No dashboard user was configured: created admin '{Name}' with the configured initial password")]
    public static partial void FirstAdminFromConfiguration(ILogger logger, string name);

    [LoggerMessage(2102, LogLevel.Warning, "Sign-in refused for '{Name}': {Reason}")]
    public static partial void SignInRefused(ILogger logger, string name, string reason);

    [LoggerMessage(2103, LogLevel.Information, "{Name} signed in as {Role}")]
    public static partial void SignedIn(ILogger logger, string name, string role);
}
