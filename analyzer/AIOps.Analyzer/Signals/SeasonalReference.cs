using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.Signals;

/// <summary>
/// What a seasonal indicator was at this time of the cycle before: the median of the steps around the same phase in
/// each of the last few seasons (the same minute yesterday, give or take <c>halfWidth</c> steps). Request rates follow
/// the day, so an evening-to-night fall is only a drop when tonight is below last night. A median over several steps
/// and seasons is not moved by a flash sale that happened at this hour yesterday. Pure.
/// </summary>
internal sealed class SeasonalReference
{
    private readonly int _period;
    private readonly int _seasons;
    private readonly int _halfWidth;
    private readonly double[] _history;
    private readonly List<double> _scratch = [];
    private long _count;

    /// <param name="period">Steps in a season.</param>
    /// <param name="seasons">Seasons looked back at, at most.</param>
    /// <param name="halfWidth">Steps either side of the same phase.</param>
    public SeasonalReference(int period, int seasons, int halfWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasons, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(halfWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(halfWidth, period);
        (_period, _seasons, _halfWidth) = (period, seasons, halfWidth);
        _history = new double[(seasons * period) + halfWidth];
    }

    /// <summary>Records the step just seen (NaN for a step missed).</summary>
    public void Add(double value)
    {
        _history[_count % _history.Length] = value;
        _count++;
    }

    /// <summary>The reference for the next step, or null until a whole season (and the steps around it) has been seen.</summary>
    public double? Next()
    {
        if (_count < _period + _halfWidth)
        {
            return null;
        }

        _scratch.Clear();
        for (var season = 1; season <= _seasons; season++)
        {
            for (var offset = -_halfWidth; offset <= _halfWidth; offset++)
            {
                // The next step is number _count; the same phase a season back is _count - season * period.
                var index = _count - (season * (long)_period) + offset;
                if (index >= 0 && index < _count && _count - index <= _history.Length && double.IsFinite(_history[index % _history.Length]))
                {
                    _scratch.Add(_history[index % _history.Length]);
                }
            }
        }

        if (_scratch.Count == 0)
        {
            return null;
        }

        _scratch.Sort();
        return Quantiles.Sorted(_scratch, 0.5);
    }
}
