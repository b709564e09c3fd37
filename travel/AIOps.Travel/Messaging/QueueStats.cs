namespace AIOps.Travel.Messaging;

/// <summary>Depth (waiting and in flight), leased now, and dead-lettered.</summary>
public sealed record QueueStats(long Depth, long InFlight, long DeadLettered, long Processed);
