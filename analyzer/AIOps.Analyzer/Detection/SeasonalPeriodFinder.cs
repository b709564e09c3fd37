namespace AIOps.Analyzer.Detection;

/// <summary>
/// Finds, while a series streams in, whether it repeats daily or weekly: the step between points comes from the
/// first timestamps, and once three cycles of a candidate lag are in, the lag is taken if the autocorrelation
/// there is clearly positive (and stronger than a lag taken before). Keeps the last cycle so that callers can
/// read the value one period back. A period can also be imposed (for data whose "day" is not 24 hours).
/// </summary>
internal sealed class SeasonalPeriodFinder
{
    private const int StepSamples = 20;
    private const double MinimumCorrelation = 0.3;

    private readonly int _warmUp;
    private readonly int _maxHistory;
    private readonly List<double> _prefix = [];
    private long _firstTimestamp;
    private int[] _candidates = [];
    private double[] _ring = [];
    private long _count;
    private double _correlation;

    /// <param name="warmUp">The fewest points a decision is made on.</param>
    /// <param name="maxHistory">A candidate whose three cycles exceed this many points is not considered.</param>
    /// <param name="imposedPeriod">A period in points to use from the start, or 0 to find one.</param>
    public SeasonalPeriodFinder(int warmUp, int maxHistory, int imposedPeriod = 0)
    {
        _warmUp = warmUp;
        _maxHistory = maxHistory;
        if (imposedPeriod >= 2)
        {
            Period = imposedPeriod;
            _ring = new double[imposedPeriod];
        }
    }

    /// <summary>The period in points, or 0 while none is known.</summary>
    public int Period { get; private set; }

    /// <summary>Adds the next point; true when the period changed with it.</summary>
    public bool Add(long timestampMs, double value)
    {
        var changed = false;
        if (_count == 0)
        {
            _firstTimestamp = timestampMs;
        }

        if (_count == StepSamples - 1 && _ring.Length == 0)
        {
            var step = (timestampMs - _firstTimestamp) / (double)(StepSamples - 1);
            var day = step > 0 ? (int)Math.Round(86_400_000 / step) : 0;
            _candidates = [.. new[] { day, day * 7 }.Where(lag => lag >= 2 && Math.Max(3 * lag, _warmUp) <= _maxHistory)];
            _ring = _candidates.Length == 0 ? [] : new double[_candidates[^1]];
        }

        if (_candidates.Length > 0 && _count < Math.Max(3 * _candidates[^1], _warmUp))
        {
            _prefix.Add(value);
            foreach (var lag in _candidates)
            {
                if (_prefix.Count == Math.Max(3 * lag, _warmUp))
                {
                    var correlation = SeasonalBaselineDetector.Autocorrelation(_prefix, lag);
                    if (correlation > MinimumCorrelation && correlation > _correlation)
                    {
                        (Period, _correlation, changed) = (lag, correlation, true);
                    }
                }
            }

            if (_prefix.Count == Math.Max(3 * _candidates[^1], _warmUp))
            {
                _prefix.Clear();
                _prefix.TrimExcess();
            }
        }

        if (_ring.Length > 0)
        {
            _ring[_count % _ring.Length] = value;
        }

        _count++;
        return changed;
    }

    /// <summary>The value one period before the newest point, when the period is known and a cycle has passed.</summary>
    public double? PeriodAgo()
    {
        if (Period == 0 || _count <= Period)
        {
            return null;
        }

        return _ring[(_count - 1 - Period) % _ring.Length];
    }
}
