namespace AIOps.Analyzer.Detection;

/// <summary>
/// Combines detectors into one score in [0, 1]: the largest component score, then a refractory period
/// after a high score so that one anomaly raises one alert rather than a burst (a burst of alerts on
/// one event is what on-call SREs mute). Causal and pure.
/// </summary>
public sealed class EnsembleDetector(IReadOnlyList<IStreamingDetector> components, double alertLevel = 0.7, int refractoryPoints = 150) : IStreamingDetector
{
    private int _quiet;

    /// <summary>The default detector: a robust seasonal baseline and a change-point test.</summary>
    public static EnsembleDetector CreateDefault() => new([new SeasonalBaselineDetector(), new ChangePointDetector()]);

    public double Update(long timestampMs, double value)
    {
        var score = 0.0;
        foreach (var component in components)
        {
            score = Math.Max(score, component.Update(timestampMs, value));
        }

        if (_quiet > 0)
        {
            _quiet--;
            return 0;
        }

        if (score >= alertLevel)
        {
            _quiet = refractoryPoints;
        }

        return score;
    }
}
