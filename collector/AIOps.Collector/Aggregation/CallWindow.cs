namespace AIOps.Collector.Aggregation;

/// <summary>Calls in one 10-second window: how many, how many failed, and their durations (sum and histogram).</summary>
public abstract class CallWindow(long windowStartUnixNano)
{
    public long WindowStartUnixNano { get; } = windowStartUnixNano;

    public long Count { get; set; }

    public long Errors { get; set; }

    public long DurationSumNanos { get; set; }

    public DurationHistogram Histogram { get; private set; } = new();

    public void Record(long durationNanos, bool error)
    {
        Count++;
        Errors += error ? 1 : 0;
        DurationSumNanos += durationNanos;
        Histogram.Record(durationNanos / 1e6);
    }

    /// <summary>Sets the window to what was persisted of it.</summary>
    internal void Restore(long count, long errors, long durationSumNanos, DurationHistogram histogram)
    {
        (Count, Errors, DurationSumNanos, Histogram) = (count, errors, durationSumNanos, histogram);
    }

    /// <summary>Adds the calls of <paramref name="other"/> (a window of the same key) to this one.</summary>
    public void Add(CallWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        Errors += other.Errors;
        DurationSumNanos += other.DurationSumNanos;
        Histogram.Add(other.Histogram);
    }
}
