namespace AIOps.Analyzer.Detection;

/// <summary>The sum of the last <c>points</c> values, O(1) per value, refreshed exactly now and then so rounding cannot drift.</summary>
internal sealed class RollingSum(int points)
{
    private readonly double[] _values = new double[points];
    private int _next;
    private int _count;
    private double _sum;

    public bool IsFull => _count == points;

    public double Mean => _count == 0 ? 0 : _sum / _count;

    public void Add(double value)
    {
        _sum += value - (_count == points ? _values[_next] : 0);
        _values[_next] = value;
        _next = (_next + 1) % points;
        _count = Math.Min(_count + 1, points);
        if (_next == 0)
        {
            _sum = 0;
            foreach (var v in _values)
            {
                _sum += v;
            }
        }
    }
}
