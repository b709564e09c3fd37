namespace AIOps.Collector.Ingestion;

/// <summary>
/// What became of a batch: accepted items are durable when the result is returned; rejected items
/// (invalid, for example a span without ids) are counted with the first reason, as OTLP partial
/// success reports them; <see cref="Overloaded"/> means nothing was taken and the client should retry.
/// </summary>
public sealed record IngestResult(long Accepted, long Rejected, string? RejectionReason, bool Overloaded = false)
{
    public static IngestResult Busy { get; } = new(0, 0, "the write queue is full", Overloaded: true);
}
