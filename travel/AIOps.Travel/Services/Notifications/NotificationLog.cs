namespace AIOps.Travel.Services.Notifications;

internal static partial class NotificationLog
{
    [LoggerMessage(300, LogLevel.Warning, "Notification {MessageId} failed on attempt {Attempt}; retrying in {DelaySeconds}s: {Error}")]
    public static partial void Retrying(ILogger logger, string messageId, int attempt, double delaySeconds, string error);

    [LoggerMessage(301, LogLevel.Error, "Notification {MessageId} dead-lettered after {Attempt} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, string messageId, int attempt, string error);

    [LoggerMessage(303, LogLevel.Information, "Notification {Kind} sent for booking {BookingId} (message {MessageId}, attempt {Attempt})")]
    public static partial void Sent(ILogger logger, string kind, string bookingId, string messageId, int attempt);

    [LoggerMessage(302, LogLevel.Error, "Consuming the notification queue failed")]
    public static partial void ConsumeFailed(ILogger logger, Exception exception);
}
