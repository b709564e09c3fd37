namespace AIOps.Analyzer.RootCause;

/// <summary>
/// One span as root-cause ranking needs it, whatever it came from (the collector's store or a benchmark's files):
/// where it ran, what it did, when, and whether it failed.
/// </summary>
/// <param name="TraceId">The trace it belongs to.</param>
/// <param name="SpanId">Its id, unique within the trace.</param>
/// <param name="ParentId">Its parent's id; null for a root.</param>
/// <param name="Service">The service that ran it.</param>
/// <param name="Operation">Its name (route or operation).</param>
/// <param name="StartNanos">Start, unix nanoseconds.</param>
/// <param name="EndNanos">End, unix nanoseconds.</param>
/// <param name="IsError">Whether it failed.</param>
/// <param name="Peer">For a call to another service, the service called (<c>peer.service</c>), when known.</param>
public sealed record RcaSpan(string TraceId, string SpanId, string? ParentId, string Service, string Operation, long StartNanos, long EndNanos, bool IsError = false, string? Peer = null)
{
    public long DurationNanos => Math.Max(0, EndNanos - StartNanos);

    /// <summary>Whether this is a call to another service that is known by name.</summary>
    public bool CallsPeer => Peer is not null && !string.Equals(Peer, Service, StringComparison.Ordinal);
}
