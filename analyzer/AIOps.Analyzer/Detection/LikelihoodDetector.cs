namespace AIOps.Analyzer.Detection;

/// <summary>
/// Robust residuals (distance from the recent median in MADs) scored by their anomaly likelihood, with
/// the value's first difference scored the same way, so that both unusual values and unusual jumps
/// count. Causal and pure.
/// </summary>
public sealed class LikelihoodDetector(int window = 200) : IStreamingDetector
{
    private readonly SlidingWindow _values = new(window);
    private readonly SlidingWindow _changes = new(window);
    private readonly AnomalyLikelihood _valueLikelihood = new();
    private readonly AnomalyLikelihood _changeLikelihood = new();
    private double? _previous;

    public double Update(long timestampMs, double value)
    {
        var change = _previous is { } previous ? value - previous : 0;
        _previous = value;
        var valueScore = _valueLikelihood.Update(Deviation(_values, value));
        var changeScore = _changeLikelihood.Update(Deviation(_changes, change));
        _values.Add(value);
        _changes.Add(change);
        return Math.Max(valueScore, changeScore);
    }

    private static double Deviation(SlidingWindow window, double value)
    {
        if (window.Count < 10)
        {
            return 0;
        }

        var (median, scale) = window.MedianAndScale();
        var floor = Math.Max(Math.Abs(median) * 1e-3, 1e-9);
        return Math.Min(Math.Abs(value - median) / Math.Max(scale, floor), 50);
    }
}
