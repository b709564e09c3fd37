namespace AIOps.Analyzer.RootCause;

/// <summary>
/// One metric of one service over time, e.g. the CPU of <c>carts</c>. Points are in time order; a non-finite
/// value is a gap and is ignored by the ranker. With <see cref="Instance"/>, it is one instance's: it names the replica
/// a service's resource change is in, and does not count again towards the service's standing.
/// </summary>
public sealed record MetricSeries(string Service, string Name, IReadOnlyList<MetricPoint> Points, string? Instance = null);
