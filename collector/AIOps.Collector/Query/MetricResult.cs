namespace AIOps.Collector.Query;

/// <summary>One result series: its labels and its points (unix seconds, value).</summary>
public sealed record MetricResult(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<double[]> Points);
