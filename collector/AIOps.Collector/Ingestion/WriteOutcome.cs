namespace AIOps.Collector.Ingestion;

/// <summary>What the store refused of one batch, and why.</summary>
public readonly record struct WriteOutcome(int Rejected, string? Reason);
