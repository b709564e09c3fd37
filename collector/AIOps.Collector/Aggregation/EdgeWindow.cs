namespace AIOps.Collector.Aggregation;

/// <summary>Calls from one service to another in one 10-second window, as seen by the callee.</summary>
public sealed class EdgeWindow(long windowStartUnixNano, string caller, string callee)
{
    public long WindowStartUnixNano { get; } = windowStartUnixNano;

    public string Caller { get; } = caller;

    public string Callee { get; } = callee;

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
