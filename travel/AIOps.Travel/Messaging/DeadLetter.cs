namespace AIOps.Travel.Messaging;

/// <summary>A message that failed every attempt, kept for inspection and redrive.</summary>
public sealed record DeadLetter(string Id, string Topic, string Payload, int Attempts, long EnqueuedAtUnixMs, long FailedAtUnixMs, string? LastError);
