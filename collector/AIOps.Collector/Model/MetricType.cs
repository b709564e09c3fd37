namespace AIOps.Collector.Model;

/// <summary>What a metric family's samples mean.</summary>
public enum MetricType : byte
{
    Unknown,
    Gauge,

    /// <summary>Monotonic cumulative sum (a Prometheus counter).</summary>
    Counter,

    /// <summary>Cumulative histogram: _bucket{le=...}, _sum and _count series.</summary>
    Histogram,
    Summary,
}
