namespace AIOps.Analyzer.Detection;

/// <summary>
/// Level and variance shifts: the last <c>recent</c> points against the <c>reference</c> points before
/// them. A shift of the median by several reference MADs, or a change of the spread by a large factor,
/// scores high while the recent window straddles the change. Causal and pure.
/// </summary>
public sealed class ChangePointDetector(int recent = 12, int reference = 120) : IStreamingDetector
{
    private readonly SlidingWindow _recent = new(recent);
    private readonly SlidingWindow _reference = new(reference);
    private readonly Queue<double> _pending = new();

    public double Update(long timestampMs, double value)
    {
        _recent.Add(value);
        _pending.Enqueue(value);
        if (_pending.Count > recent)
        {
            _reference.Add(_pending.Dequeue());
        }

        if (_reference.Count < Math.Min(30, reference) || _recent.Count < recent)
        {
            return 0;
        }

        var (refMedian, refScale) = _reference.MedianAndScale();
        var (recentMedian, recentScale) = _recent.MedianAndScale();
        var floor = Math.Max(Math.Abs(refMedian) * 1e-3, 1e-9);
        var level = Math.Abs(recentMedian - refMedian) / Math.Max(refScale, floor);
        var spread = Math.Abs(Math.Log(Math.Max(recentScale, floor) / Math.Max(refScale, floor)));
        var z = Math.Max(level / 1.5, spread * 2);
        return 1 - Math.Exp(-Math.Max(0, z - 1) / 3);
    }
}
