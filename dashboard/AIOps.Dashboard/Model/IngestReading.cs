using AIOps.Collector.Model;
using AIOps.Collector.Observability;

namespace AIOps.Dashboard.Model;

/// <summary>The collector's ingest counters at one time, per signal (indexed by <see cref="Signal"/>).</summary>
public sealed record IngestReading(DateTimeOffset Time, IReadOnlyList<long> Accepted, IReadOnlyList<long> Rejected, IReadOnlyList<long> Refused)
{
    public static IngestReading Of(CollectorMetrics metrics, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var signals = Enum.GetValues<Signal>();
        return new IngestReading(
            time,
            [.. signals.Select(metrics.AcceptedTotal)],
            [.. signals.Select(metrics.RejectedTotal)],
            [.. signals.Select(metrics.RefusedTotal)]);
    }
}
