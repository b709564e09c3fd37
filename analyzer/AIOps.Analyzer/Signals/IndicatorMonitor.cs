using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Signals;

/// <summary>
/// Watches one indicator step by step. A signal starts when the ensemble detector calls the step anomalous (score
/// at least 0.5) and the change from the baseline (the median of the steps before) is significant in the harmful
/// direction, and stays so for <c>confirmSteps</c> steps in a row (one slow window is a blip, two are a trend); the
/// baseline then stays frozen, the signal lasts while the departure stays significant, and it ends after
/// <c>clearSteps</c> steps back to normal. Pure: steps in, changes out.
/// </summary>
public sealed class IndicatorMonitor
{
    private readonly IndicatorKey _key;
    private readonly SignificanceRules _rules;
    private readonly int _clearSteps;
    private readonly int _confirmSteps;
    private readonly EnsembleDetector _detector;
    private readonly SlidingWindow _recent;
    private Signal? _active;
    private Signal? _pending;
    private int _pendingSteps;
    private int _calmSteps;

    public IndicatorMonitor(IndicatorKey key, SignificanceRules rules, EnsembleOptions detectorOptions, int baselineSteps, int clearSteps, int confirmSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(baselineSteps, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(clearSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmSteps, 1);
        _confirmSteps = confirmSteps;
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

        var change = _pending is { } pending ? Confirm(pending, value) : null;
        if (_pending is null && _active is null && _recent.Count >= Math.Min(_recent.Capacity, 3) && score >= 0.5)
        {
            var baseline = _recent.MedianAndScale().Median;
            if (_rules.IsSignificant(_key.Indicator, value, baseline))
            {
                _pending = new Signal { Key = _key, StartedMs = timeMs, Baseline = baseline, Peak = value, Last = value, Score = score, Driver = _detector.Driver };
                _pendingSteps = 0;
                change = Confirm(_pending, value);
            }
        }

        if (_pending is null && _active is null && change is null)
        {
            _recent.Add(value);
        }

        return change;
    }

    private SignalChange? Confirm(Signal pending, double value)
    {
        if (!_rules.IsSignificant(_key.Indicator, value, pending.Baseline))
        {
            // A blip: it joins the baseline history like any normal step.
            _pending = null;
            return null;
        }

        pending = pending with { Peak = Worse(value, pending.Peak) ? value : pending.Peak, Last = value };
        _pending = pending;
        if (++_pendingSteps < _confirmSteps)
        {
            return null;
        }

        _pending = null;
        _active = pending;
        _calmSteps = 0;
        return new SignalChange(SignalChangeKind.Started, pending);
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
