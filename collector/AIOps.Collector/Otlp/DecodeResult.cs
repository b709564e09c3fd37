namespace AIOps.Collector.Otlp;

/// <summary>A decoded batch, with the items that were invalid and left out (reported as partial success).</summary>
public sealed record DecodeResult<T>(T Batch, int Rejected, string? RejectionReason);
