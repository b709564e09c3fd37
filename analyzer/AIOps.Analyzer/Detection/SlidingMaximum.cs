namespace AIOps.Analyzer.Detection;

/// <summary>
/// The maximum of the last <c>capacity</c> values added, in O(1) amortised per value: a monotonic deque (values
/// that can never again be the maximum are dropped) kept in a ring buffer, so nothing is allocated per value.
/// </summary>
internal sealed class SlidingMaximum
{
    private readonly int _capacity;
    private readonly long[] _positions;
    private readonly double[] _values;
    private int _head;
    private int _count;
    private long _added;

    public SlidingMaximum(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _positions = new long[capacity + 1];
        _values = new double[capacity + 1];
    }

    /// <summary>Values added so far (not capped by the capacity).</summary>
    public long Added => _added;

    /// <summary>The largest of the last <c>capacity</c> values; negative infinity before the first.</summary>
    public double Maximum => _count == 0 ? double.NegativeInfinity : _values[_head];

    /// <summary>
    /// Adds <paramref name="value"/> and returns it when it is above every value held (or none is held), 0 otherwise:
    /// how a detector reports an event once, at its onset, and again only if it grows.
    /// </summary>
    public double AddIfNewMaximum(double value)
    {
        var reported = _added > 0 && value <= Maximum ? 0 : value;
        Add(value);
        return reported;
    }

    public void Add(double value)
    {
        var length = _values.Length;
        while (_count > 0 && _values[(_head + _count - 1) % length] <= value)
        {
            _count--;
        }

        var tail = (_head + _count) % length;
        _positions[tail] = _added;
        _values[tail] = value;
        _count++;
        while (_positions[_head] <= _added - _capacity)
        {
            _head = (_head + 1) % length;
            _count--;
        }

        _added++;
    }
}
