namespace AIOps.Analyzer.RootCause;

/// <summary>
/// How wide metric tables are read for root-cause ranking, after the conventions of the public RCA benchmarks:
/// a column is named <c>service_metric</c>, memory is counted in megabytes and gaps carry the last value.
/// </summary>
public static class MetricConventions
{
    private const string DatabaseSuffix = "-db";
    private const string MemorySuffix = "_mem";
    private const double BytesPerMegabyte = 1e6;

    /// <summary>
    /// The service a metric belongs to: its name up to the first underscore, without a <c>-db</c> suffix, so that
    /// a service's database counts as the service (<c>carts-db_cpu</c> is <c>carts</c>).
    /// </summary>
    public static string ServiceOf(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var underscore = metric.IndexOf('_', StringComparison.Ordinal);
        var service = underscore < 0 ? metric : metric[..underscore];
        return service.EndsWith(DatabaseSuffix, StringComparison.Ordinal) ? service[..^DatabaseSuffix.Length] : service;
    }

    /// <summary>Fills each gap with the last value before it, and gaps before any value with zero.</summary>
    public static MetricFrame FillGaps(MetricFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Select((_, values) =>
        {
            var filled = new double[values.Count];
            var last = 0.0;
            for (var i = 0; i < filled.Length; i++)
            {
                last = double.IsNaN(values[i]) ? last : values[i];
                filled[i] = last;
            }

            return filled;
        });
    }

    /// <summary>Memory columns (names ending in <c>_mem</c>, in bytes) in megabytes.</summary>
    public static MetricFrame MemoryToMegabytes(MetricFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Select((name, values) => name.EndsWith(MemorySuffix, StringComparison.Ordinal)
            ? [.. values.Select(v => v / BytesPerMegabyte)]
            : values);
    }

    /// <summary>The frame as one series per column, each attributed to its service by <see cref="ServiceOf"/>.</summary>
    public static IReadOnlyList<MetricSeries> ToSeries(MetricFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.ToSeries(ServiceOf);
    }
}
