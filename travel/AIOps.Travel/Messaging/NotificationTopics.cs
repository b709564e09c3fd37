namespace AIOps.Travel.Messaging;

/// <summary>The queue's topics.</summary>
public static class NotificationTopics
{
    public const string Notifications = "notifications";
}
