namespace AIOps.Analyzer.Detection;

/// <summary>
/// A causal anomaly detector: it sees one point at a time and scores it from that point and the
/// points before it only. Scores are in [0, 1]; higher is more anomalous.
/// </summary>
public interface IStreamingDetector
{
    /// <summary>Takes the next point (timestamps in unix milliseconds, increasing) and returns its score.</summary>
    double Update(long timestampMs, double value);
}
