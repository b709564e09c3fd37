namespace AIOps.Analyzer.Detection;

/// <summary>
/// A robust seasonal baseline: the expected value of a point is the median of the same phase in recent
/// cycles (or of the recent points when the series has no season), its spread the MAD; the score grows
/// with the robust z-score of the point's deviation. The period is found from the first points'
/// autocorrelation at the daily and weekly lags the timestamps imply. Causal and pure.
/// </summary>
public sealed class SeasonalBaselineDetector : IStreamingDetector
{
    private const int MinLearningPoints = 200;
    private const int MaxLearningPoints = 1200;
    private const int CyclesKept = 8;
    private const int WindowPoints = 120;

    private readonly List<(long T, double V)> _learning = [];
    private SlidingWindow[]? _phases;
    private readonly SlidingWindow _recent = new(WindowPoints);
    private int _period = 1;
    private long _index;
    private int _learningTarget = MinLearningPoints;
    private SlidingWindow? _pooled;
    private int _neighbours;

    /// <summary>The period in points the detector settled on (1: no season).</summary>
    public int Period => _period;

    public double Update(long timestampMs, double value)
    {
        var score = 0.0;
        if (_phases is null)
        {
            _learning.Add((timestampMs, value));

            // Until the season is known, a normal peak looks like an anomaly: only half confidence.
            score = ScoreAgainst(_recent, value) * 0.5;
            _recent.Add(value);
            if (_learning.Count == 10)
            {
                // Learn long enough to see two days, when two days fit in the learning budget.
                var step = Math.Max(1, (_learning[^1].T - _learning[0].T) / 9);
                var day = (int)(86_400_000 / step);
                _learningTarget = Math.Clamp((2 * day) + 1, MinLearningPoints, MaxLearningPoints);
            }

            if (_learning.Count >= _learningTarget)
            {
                Settle();
            }

            _index++;
            return score;
        }

        var index = (int)(_index % _period);
        var phase = _phases[index];
        if (_period == 1)
        {
            score = ScoreAgainst(_recent, value);
        }
        else
        {
            // The same time of day in recent cycles, pooled with the neighbouring phases so that a
            // day or two of history is already enough.
            _pooled ??= new SlidingWindow(CyclesKept * ((2 * _neighbours) + 1));
            _pooled.Clear();
            for (var offset = -_neighbours; offset <= _neighbours; offset++)
            {
                _phases[(index + offset + _period) % _period].CopyTo(_pooled);
            }

            score = _pooled.Count >= 5 ? ScoreAgainst(_pooled, value, minimum: 5) : ScoreAgainst(_recent, value);
        }

        phase.Add(value);
        _recent.Add(value);
        _index++;
        return score;
    }

    /// <summary>Score from a robust z-score: about 0.5 at 3 sigma, 0.9 at 7.</summary>
    internal static double ScoreAgainst(SlidingWindow window, double value, int minimum = 10)
    {
        if (window.Count < minimum)
        {
            return 0;
        }

        var (median, scale) = window.MedianAndScale();
        var floor = Math.Max(Math.Abs(median) * 1e-3, 1e-9);
        var z = Math.Abs(value - median) / Math.Max(scale, floor);
        return 1 - Math.Exp(-Math.Max(0, z - 1) / 3.5);
    }

    private void Settle()
    {
        var steps = _learning.Zip(_learning.Skip(1), (a, b) => b.T - a.T).Where(d => d > 0).Order().ToList();
        var step = steps.Count == 0 ? 0 : steps[steps.Count / 2];
        var values = _learning.Select(p => p.V).ToArray();
        var best = 1;
        var bestCorrelation = 0.3;
        if (step > 0)
        {
            foreach (var periodMs in new[] { 86_400_000L, 604_800_000L })
            {
                var lag = (int)(periodMs / step);
                if (lag >= 2 && lag * 2 <= values.Length)
                {
                    var r = Autocorrelation(values, lag);
                    if (r > bestCorrelation)
                    {
                        best = lag;
                        bestCorrelation = r;
                    }
                }
            }
        }

        _period = best;
        _neighbours = _period == 1 ? 0 : Math.Max(1, _period / 96);
        _phases = [.. Enumerable.Range(0, _period).Select(_ => new SlidingWindow(_period == 1 ? WindowPoints : CyclesKept))];
        for (var i = 0; i < values.Length; i++)
        {
            _phases[i % _period].Add(values[i]);
        }

        _learning.Clear();
    }

    internal static double Autocorrelation(IReadOnlyList<double> values, int lag)
    {
        var mean = values.Average();
        double numerator = 0, denominator = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var d = values[i] - mean;
            denominator += d * d;
            if (i >= lag)
            {
                numerator += d * (values[i - lag] - mean);
            }
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }
}
