using AIOps.Collector.Model;
using AIOps.Collector.Observability;

namespace AIOps.Dashboard.Model;

/// <summary>
/// Ingest rates for the system page: the collector keeps running totals only, so a rate needs two readings. Keeps the
/// last <see cref="Capacity"/> readings (taken every <see cref="Interval"/> by <see cref="IngestRateWorker"/>), and
/// gives the rate of each interval between them.
/// </summary>
public sealed class IngestRateSampler(CollectorMetrics metrics, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Readings kept: ten minutes of them.</summary>
    public const int Capacity = 61;

    private readonly Queue<IngestReading> _readings = new(Capacity);
    private readonly Lock _gate = new();

    /// <summary>Reads the counters now and keeps the reading, dropping the oldest beyond <see cref="Capacity"/>.</summary>
    public IngestReading Sample()
    {
        var reading = IngestReading.Of(metrics, time.GetUtcNow());
        lock (_gate)
        {
            if (_readings.Count == Capacity)
            {
                _readings.Dequeue();
            }

            _readings.Enqueue(reading);
        }

        return reading;
    }

    public IReadOnlyList<IngestReading> Readings()
    {
        lock (_gate)
        {
            return [.. _readings];
        }
    }

    /// <summary>The rate of <paramref name="signal"/> in each interval between readings, oldest first.</summary>
    public IReadOnlyList<IngestRate> Rates(Signal signal)
    {
        var readings = Readings();
        var s = (int)signal;
        var rates = new List<IngestRate>(Math.Max(0, readings.Count - 1));
        for (var i = 1; i < readings.Count; i++)
        {
            var (before, after) = (readings[i - 1], readings[i]);
            var seconds = (after.Time - before.Time).TotalSeconds;
            if (seconds <= 0)
            {
                continue;
            }

            rates.Add(new IngestRate(
                after.Time,
                PerSecond(before.Accepted[s], after.Accepted[s], seconds),
                PerSecond(before.Rejected[s], after.Rejected[s], seconds),
                PerSecond(before.Refused[s], after.Refused[s], seconds)));
        }

        return rates;
    }

    // The totals only grow: never a negative rate.
    private static double PerSecond(long before, long after, double seconds) => Math.Max(0, after - before) / seconds;
}
