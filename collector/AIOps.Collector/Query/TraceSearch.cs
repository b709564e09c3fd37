namespace AIOps.Collector.Query;

/// <summary>A trace search: entry spans (server, consumer, root) matching all the given filters, newest first.</summary>
public sealed record TraceSearch
{
    public long FromUnixNano { get; init; }

    public long ToUnixNano { get; init; } = long.MaxValue;

    public string? Service { get; init; }

    public string? Operation { get; init; }

    public long MinDurationNanos { get; init; }

    public bool? Error { get; init; }

    /// <summary>key=value on any span of the trace (checked on the stored spans, so keep the time range tight).</summary>
    public (string Key, string Value)? Attribute { get; init; }

    public int Limit { get; init; } = 20;

    public int Offset { get; init; }
}
