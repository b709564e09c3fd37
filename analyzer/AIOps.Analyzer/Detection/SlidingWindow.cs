namespace AIOps.Analyzer.Detection;

/// <summary>
/// The last <c>capacity</c> values, with their median and median absolute deviation on demand. The values are
/// kept sorted (<see cref="SortedWindow"/>), so the median is a lookup and the MAD a walk outwards from it: the
/// deviations on either side of the median come in ascending order, and merging the two runs up to the middle
/// rank gives their median without sorting them.
/// </summary>
internal sealed class SlidingWindow(int capacity)
{
    private readonly SortedWindow _values = new(capacity);

    public int Count => _values.Count;

    public int Capacity => capacity;

    public void Add(double value) => _values.Add(value);

    public void Clear() => _values.Clear();

    /// <summary>Adds every value held here to <paramref name="target"/>.</summary>
    public void CopyTo(SlidingWindow target)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < _values.Count; i++)
        {
            target.Add(_values[i]);
        }
    }

    /// <summary>Median and MAD (scaled by 1.4826 to estimate a standard deviation) of the values held.</summary>
    public (double Median, double Scale) MedianAndScale()
    {
        var n = _values.Count;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        var median = n % 2 == 1 ? _values[n / 2] : (_values[(n / 2) - 1] + _values[n / 2]) / 2;

        // Ranks up to (n - 1) / 2 lie at or below the median, from n / 2 on at or above it.
        var below = (n - 1) / 2;
        var above = below + 1;
        double lower = 0, upper = 0;
        for (var rank = 0; rank <= n / 2; rank++)
        {
            double deviation;
            if (above >= n || (below >= 0 && median - _values[below] <= _values[above] - median))
            {
                deviation = median - _values[below--];
            }
            else
            {
                deviation = _values[above++] - median;
            }

            if (rank == (n - 1) / 2)
            {
                lower = deviation;
            }

            upper = deviation;
        }

        return (median, 1.4826 * (lower + upper) / 2);
    }
}
