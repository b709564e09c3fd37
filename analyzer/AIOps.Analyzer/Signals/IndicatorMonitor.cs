using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Signals;

/// <summary>
/// Watches one indicator step by step. A signal starts when the ensemble detector calls the step anomalous (score
/// at least 0.5) and the change from the baseline (the median of the steps before) is significant in the harmful
/// direction; the baseline then stays frozen, the signal lasts while the departure stays significant, and it ends
/// after <c>clearSteps</c> steps back to normal. Pure: steps in, changes out.
/// </summary>
public sealed class IndicatorMonitor
{
    private readonly IndicatorKey _key;
    private readonly SignificanceRules _rules;
    private readonly int _clearSteps;
    private readonly EnsembleDetector _detector;
    private readonly SlidingWindow _recent;
    private Signal? _active;
    private int _calmSteps;

    public IndicatorMonitor(IndicatorKey key, SignificanceRules rules, EnsembleOptions detectorOptions, int baselineSteps, int clearSteps)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(baselineSteps, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(clearSteps, 1);
        _key = key;
        _rules = rules;
        _clearSteps = clearSteps;
        _detector = new EnsembleDetector(detectorOptions);
        _recent = new SlidingWindow(baselineSteps);
    }

    /// <summary>The signal in progress, if any.</summary>
    public Signal? Active => _active;

    /// <summary>The time of the last step seen.</summary>
    public long LastMs { get; private set; } = long.MinValue;

    /// <summary>Takes the next step; returns what changed, if anything.</summary>
    public SignalChange? Observe(long timeMs, double value)
    {
        if (!double.IsFinite(value) || timeMs <= LastMs)
        {
            return null;
        }

        LastMs = timeMs;
        var score = _detector.Update(timeMs, value);
        if (_active is { } active)
        {
            return Continue(active, timeMs, value);
        }

        SignalChange? change = null;
        if (_recent.Count >= Math.Min(_recent.Capacity, 3) && score >= 0.5)
        {
            var baseline = _recent.MedianAndScale().Median;
            if (_rules.IsSignificant(_key.Indicator, value, baseline))
            {
                _active = new Signal { Key = _key, StartedMs = timeMs, Baseline = baseline, Peak = value, Last = value, Score = score, Driver = _detector.Driver };
                _calmSteps = 0;
                change = new SignalChange(SignalChangeKind.Started, _active);
            }
        }

        _recent.Add(value);
        return change;
    }

    private SignalChange? Continue(Signal active, long timeMs, double value)
    {
        var worse = Worse(value, active.Peak);
        if (_rules.IsSignificant(_key.Indicator, value, active.Baseline))
        {
            _calmSteps = 0;
            _active = active with { Peak = worse ? value : active.Peak, Last = value };
            return worse ? new SignalChange(SignalChangeKind.Worsened, _active) : null;
        }

        _active = active with { Last = value };
        if (++_calmSteps < _clearSteps)
        {
            return null;
        }

        var ended = _active with { EndedMs = timeMs };
        _active = null;

        // The steps of the anomaly stay out of the baseline; normal life resumes from here.
        _recent.Add(value);
        return new SignalChange(SignalChangeKind.Ended, ended);
    }

    private bool Worse(double value, double peak) => _key.Indicator == Indicator.RequestRate ? value < peak : value > peak;
}
