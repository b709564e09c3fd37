namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// The pairs <c>sin(2 pi i t / period)</c>, <c>cos(2 pi i t / period)</c> for i = 1..order, tabulated once per phase
/// of the period so that building a design matrix costs no trigonometry.
/// </summary>
internal sealed class FourierTable
{
    private readonly double[] _values;
    private readonly int _period;

    public FourierTable(int period, int order)
    {
        _period = Math.Max(1, period);
        Columns = 2 * Math.Max(0, order);
        _values = new double[_period * Columns];
        for (var phase = 0; phase < _period && Columns > 0; phase++)
        {
            for (var i = 1; i <= order; i++)
            {
                var (sin, cos) = Math.SinCos(2 * Math.PI * i * phase / _period);
                _values[(phase * Columns) + (2 * i) - 2] = sin;
                _values[(phase * Columns) + (2 * i) - 1] = cos;
            }
        }
    }

    /// <summary>No columns: the season is not modelled.</summary>
    public static FourierTable None { get; } = new(1, 0);

    public int Columns { get; }

    /// <summary>Copies the pairs at step <paramref name="t"/> into <paramref name="x"/>.</summary>
    public void Fill(int t, Span<double> x)
    {
        if (Columns == 0)
        {
            return;
        }

        var phase = ((t % _period) + _period) % _period;
        _values.AsSpan(phase * Columns, Columns).CopyTo(x);
    }
}
