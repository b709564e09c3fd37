namespace AIOps.Analyzer.Detection;

/// <summary>The last <c>capacity</c> values, with their median and median absolute deviation on demand.</summary>
internal sealed class SlidingWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private readonly double[] _scratch = new double[capacity];
    private int _count;
    private int _next;

    public int Count => _count;

    public int Capacity => capacity;

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % capacity;
        _count = Math.Min(_count + 1, capacity);
    }

    public void Clear()
    {
        _count = 0;
        _next = 0;
    }

    /// <summary>Adds every value held here to <paramref name="target"/>.</summary>
    public void CopyTo(SlidingWindow target)
    {
        for (var i = 0; i < _count; i++)
        {
            target.Add(_values[i]);
        }
    }

    /// <summary>Median and MAD (scaled by 1.4826 to estimate a standard deviation) of the values held.</summary>
    public (double Median, double Scale) MedianAndScale()
    {
        if (_count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var span = _scratch.AsSpan(0, _count);
        _values.AsSpan(0, _count).CopyTo(span);
        span.Sort();
        var median = Median(span);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Math.Abs(span[i] - median);
        }

        span.Sort();
        return (median, 1.4826 * Median(span));
    }

    private static double Median(ReadOnlySpan<double> sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
