namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Why a metric was scored as it was: its baseline (median and spread of the normal part), where the anomalous
/// part went (median and the point farthest from the baseline) and the resulting robust deviation.
/// </summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Score">The largest deviation in the anomalous part, in baseline spreads (0 when it did not move the counted way).</param>
/// <param name="Direction">Which way the farthest point moved: <see cref="ChangeDirection.Increase"/> or <see cref="ChangeDirection.Decrease"/>.</param>
/// <param name="BaselineMedian">The median of the normal part.</param>
/// <param name="BaselineScale">The spread the deviation is measured in: the normal part's interquartile range, or the floor.</param>
/// <param name="AnomalousMedian">The median of the anomalous part.</param>
/// <param name="AnomalousPeak">The anomalous value farthest from the baseline in the counted direction.</param>
/// <param name="PeakTimeMs">When that value was observed (unix milliseconds).</param>
public sealed record MetricEvidence(
    string Metric,
    double Score,
    ChangeDirection Direction,
    double BaselineMedian,
    double BaselineScale,
    double AnomalousMedian,
    double AnomalousPeak,
    long PeakTimeMs);
