namespace AIOps.Travel.Services.Contracts;

/// <summary>A notification the notification service delivered, keyed by queue message id.</summary>
public sealed record SentNotification(string MessageId, string Kind, string BookingId, string UserId, string Channel, long SentAtUnixMs, int Attempts);
