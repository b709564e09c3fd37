namespace AIOps.Travel.Messaging;

/// <summary>A leased message: delivered to one consumer until acknowledged, retried or its lease runs out.</summary>
public sealed record QueueMessage(string Id, string Topic, string Payload, string? TraceParent, string? TraceState, int Attempts, long EnqueuedAtUnixMs);
