namespace AIOps.Collector.Query;

/// <summary>A log search, newest first.</summary>
public sealed record LogSearch
{
    public long FromUnixNano { get; init; }

    public long ToUnixNano { get; init; } = long.MaxValue;

    public string? Service { get; init; }

    /// <summary>Records at or above this OTLP severity number (9 info, 13 warn, 17 error).</summary>
    public int MinSeverity { get; init; }

    /// <summary>Case-insensitive text that the body must contain.</summary>
    public string? Text { get; init; }

    public string? TraceId { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}
