namespace AIOps.Analyzer.RootCause;

/// <summary>
/// A service suspected of causing an anomaly, with the score it was ranked by (that of its most changed metric)
/// and the evidence of each of its metrics, most changed first.
/// </summary>
public sealed record RootCauseCandidate(string Service, double Score, IReadOnlyList<MetricEvidence> Evidence)
{
    /// <summary>The metric that moved most: the one that gives the service its score.</summary>
    public MetricEvidence TopMetric => Evidence[0];
}
