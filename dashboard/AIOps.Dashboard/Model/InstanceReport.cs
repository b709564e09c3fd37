using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>An instance that reported in the service's telemetry: its service.instance.id, when last, and its working set then.</summary>
public sealed record InstanceReport(string Instance, DateTimeOffset LastSeen, double? MemoryBytes)
{
    /// <summary>
    /// The runtime metric every .NET service of the platform exports per instance (labelled with its
    /// service.instance.id): a cheap way to list the instances that reported in a range, with their memory.
    /// </summary>
    public const string MemoryMetric = "dotnet_process_memory_working_set_bytes";

    /// <summary>The instances of <paramref name="series"/> (results of a query of <see cref="MemoryMetric"/>) at their last point.</summary>
    public static IReadOnlyList<InstanceReport> From(IReadOnlyList<MetricResult> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return [.. series
            .Where(s => s.Points.Count > 0 && s.Labels.TryGetValue("instance", out var instance) && instance.Length > 0)
            .Select(s => new InstanceReport(
                s.Labels["instance"],
                DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(s.Points[^1][0] * TimeSpan.TicksPerSecond)),
                double.IsFinite(s.Points[^1][1]) ? s.Points[^1][1] : null))
            .GroupBy(s => s.Instance, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.LastSeen)!)];
    }
}
