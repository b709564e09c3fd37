namespace AIOps.Analyzer.Detection;

/// <summary>
/// The last <c>capacity</c> values kept sorted as well as in arrival order, so any order statistic (a trimmed
/// range's bounds) is an index away. O(capacity) memory moves per value, which for a few thousand values is a
/// microsecond or two.
/// </summary>
internal sealed class SortedWindow(int capacity)
{
    private readonly double[] _arrivals = new double[capacity];
    private readonly double[] _sorted = new double[capacity];
    private int _count;
    private int _next;

    public int Count => _count;

    public int Capacity => capacity;

    /// <summary>The value of rank <paramref name="index"/> (0 is the smallest).</summary>
    public double this[int index] => _sorted[index];

    public void Add(double value)
    {
        if (_count == capacity)
        {
            Remove(_arrivals[_next]);
        }

        _arrivals[_next] = value;
        _next = (_next + 1) % capacity;
        var at = Array.BinarySearch(_sorted, 0, _count, value);
        at = at < 0 ? ~at : at;
        Array.Copy(_sorted, at, _sorted, at + 1, _count - at);
        _sorted[at] = value;
        _count++;
    }

    public void Clear()
    {
        _count = 0;
        _next = 0;
    }

    private void Remove(double value)
    {
        var at = Array.BinarySearch(_sorted, 0, _count, value);
        Array.Copy(_sorted, at + 1, _sorted, at, _count - at - 1);
        _count--;
    }
}
