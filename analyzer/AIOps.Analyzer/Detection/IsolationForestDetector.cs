namespace AIOps.Analyzer.Detection;

/// <summary>
/// A <see cref="StreamingIsolationForest"/> on a univariate series: each point becomes the vector (value, step from
/// the previous value, deviation from the mean of the last <c>meanPoints</c> values), so that a spike, a jump and a
/// drift away from the recent level are each easy to isolate, and so is an unusual combination of them. Scores 0
/// until the first forest is grown; non-finite values score 0 and are skipped. Causal and pure.
/// </summary>
public sealed class IsolationForestDetector : IStreamingDetector
{
    private readonly StreamingIsolationForest _forest;
    private readonly RollingSum _mean;
    private readonly double[] _point = new double[3];
    private double? _previous;

    public IsolationForestDetector(int meanPoints = 12, int windowPoints = 1024, int rebuildEvery = 1024, IsolationForestOptions? options = null, int firstAfter = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(meanPoints, 1);
        _forest = new StreamingIsolationForest(_point.Length, windowPoints, rebuildEvery, options, Math.Min(firstAfter, rebuildEvery));
        _mean = new RollingSum(meanPoints);
    }

    public double Update(long timestampMs, double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        _mean.Add(value);
        var previous = _previous;
        _previous = value;
        if (previous is null || !_mean.IsFull)
        {
            return 0;
        }

        _point[0] = value;
        _point[1] = value - previous.Value;
        _point[2] = value - _mean.Mean;
        return _forest.Update(_point);
    }
}
