namespace AIOps.Collector.Aggregation;

/// <summary>Requests, errors and durations of one service operation in one 10-second window.</summary>
public sealed class RedWindow(long windowStartUnixNano, string service, string operation)
{
    public long WindowStartUnixNano { get; } = windowStartUnixNano;

    public string Service { get; } = service;

    public string Operation { get; } = operation;

    public long Count { get; set; }

    public long Errors { get; set; }

    public long DurationSumNanos { get; set; }

    public DurationHistogram Histogram { get; init; } = new();

    public void Record(long durationNanos, bool error)
    {
        Count++;
        Errors += error ? 1 : 0;
        DurationSumNanos += durationNanos;
        Histogram.Record(durationNanos / 1e6);
    }
}
