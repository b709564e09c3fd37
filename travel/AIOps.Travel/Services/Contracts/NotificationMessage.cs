namespace AIOps.Travel.Services.Contracts;

/// <summary>What the order service publishes for the notification service.</summary>
public sealed record NotificationMessage(string Kind, string BookingId, string UserId, decimal Total, string Currency);
