namespace AIOps.Analyzer.RootCause;

/// <summary>
/// One metric of one service over time, e.g. the CPU of <c>carts</c>. Points are in time order; a non-finite
/// value is a gap and is ignored by the ranker. With <see cref="Instance"/>, it is one instance's: it names the replica
/// a service's resource change is in, and does not count again towards the service's standing. <see cref="ScaleFloor"/>
/// is the smallest spread, in the metric's own unit, that its baseline is given: for a count that idles at zero, such as
/// a queue, the move that ordinary bursts make, so that a queue of one against none is not an unbounded change.
/// </summary>
public sealed record MetricSeries(string Service, string Name, IReadOnlyList<MetricPoint> Points, string? Instance = null, double ScaleFloor = 0);
