using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Signals;

/// <summary>
/// Watches one indicator step by step. A signal starts when the ensemble detector calls the step anomalous (score
/// at least 0.5) and the change from the baseline (the median of the steps before) is significant in the harmful
/// direction, and stays so for <c>confirmSteps</c> steps in a row (one slow window is a blip, two are a trend); the
/// baseline then stays frozen, the signal lasts while the departure stays significant, and it ends after
/// <c>clearSteps</c> steps back to normal. The steps of a signal teach neither the baseline nor the detector's
/// ranges, so a second fault like the first is as new as the first was. Pure: steps in, changes out.
/// </summary>
public sealed class IndicatorMonitor
{
    private const int SeasonsBack = 3;
    private const int SeasonalHalfWidth = 3;

    private readonly IndicatorKey _key;
    private readonly SignificanceRules _rules;
    private readonly int _clearSteps;
    private readonly int _confirmSteps;
    private readonly EnsembleDetector _detector;
    private readonly SlidingWindow _recent;
    private readonly Queue<(long TimeMs, double Value)> _before = new();
    private readonly SeasonalReference? _seasonal;
    private readonly long _stepMs;
    private Signal? _active;
    private Signal? _pending;
    private int _pendingSteps;
    private int _calmSteps;

    /// <param name="key">The indicator watched.</param>
    /// <param name="rules">What change is significant.</param>
    /// <param name="detectorOptions">The ensemble detector's settings.</param>
    /// <param name="baselineSteps">Steps the median baseline covers.</param>
    /// <param name="clearSteps">Steps back to normal before a signal ends.</param>
    /// <param name="confirmSteps">Steps in a row a departure must last to become a signal.</param>
    /// <param name="seasonSteps">
    /// The traffic's daily cycle in steps, or 0 for none. A request rate is then judged against the same time of the
    /// previous days, not the last minutes, and not at all before it has seen a whole cycle.
    /// </param>
    /// <param name="stepMs">The time between steps, so that missed steps keep the cycle's phase.</param>
    public IndicatorMonitor(IndicatorKey key, SignificanceRules rules, EnsembleOptions detectorOptions, int baselineSteps, int clearSteps, int confirmSteps = 1, int seasonSteps = 0, long stepMs = 10_000)
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
        _stepMs = stepMs;
        if (key.Indicator == Indicator.RequestRate && seasonSteps > 0)
        {
            _seasonal = new SeasonalReference(seasonSteps, SeasonsBack, Math.Min(SeasonalHalfWidth, seasonSteps - 1));
        }
    }

    /// <summary>The signal in progress, if any.</summary>
    public Signal? Active => _active;

    /// <summary>The time of the last step seen.</summary>
    public long LastMs { get; private set; } = long.MinValue;

    /// <summary>The steps seen so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Takes the next step; returns what changed, if anything.</summary>
    public SignalChange? Observe(long timeMs, double value)
    {
        if (!double.IsFinite(value) || timeMs <= LastMs)
        {
            return null;
        }

        if (_seasonal is not null && LastMs != long.MinValue)
        {
            for (var missed = ((timeMs - LastMs) / _stepMs) - 1; missed > 0; missed--)
            {
                _seasonal.Add(double.NaN);
            }
        }

        var seasonal = _seasonal?.Next();
        _seasonal?.Add(value);
        LastMs = timeMs;
        Steps++;
        var score = _detector.Score(timeMs, value);
        SignalChange? change;
        if (_active is { } active)
        {
            change = Continue(active, timeMs, value);
        }
        else
        {
            change = _pending is { } pending ? Confirm(pending, value) : null;
            if (_pending is null && _active is null && _recent.Count >= Math.Min(_recent.Capacity, 3) && score >= 0.5)
            {
                var baseline = _seasonal is null ? _recent.MedianAndScale().Median : seasonal ?? double.NaN;
                if (double.IsFinite(baseline) && _rules.IsSignificant(_key.Indicator, value, baseline))
                {
                    // The steps just before as far off count towards the confirmation: a level held for a few steps is
                    // what the sustained views find, on its last step.
                    var (startedMs, peak, before) = RunBefore(timeMs, value, baseline);
                    _pending = new Signal { Key = _key, StartedMs = startedMs, Baseline = baseline, Peak = peak, Last = value, Score = score, Driver = _detector.Driver };
                    _pendingSteps = before;
                    change = Confirm(_pending, value);
                }
            }

            if (_pending is null && _active is null && change is null)
            {
                _recent.Add(value);
            }
        }

        // A signal's steps are kept out of what the detector calls normal, as they are out of the baseline, or a fault
        // would hide the next one like it for the detector's whole horizon. The newest steps wait until it is known
        // whether they begin one.
        if (_active is not null)
        {
            _detector.Forget();
        }
        else if (_pending is null)
        {
            _detector.Learn(keepNewest: _confirmSteps - 1);
        }

        Remember(timeMs, value);
        return change;
    }

    private void Remember(long timeMs, double value)
    {
        if (_confirmSteps == 1)
        {
            return;
        }

        if (_before.Count == _confirmSteps - 1)
        {
            _before.Dequeue();
        }

        _before.Enqueue((timeMs, value));
    }

    /// <summary>The unbroken run of steps just before <paramref name="timeMs"/> as far off <paramref name="baseline"/>, at most one short of a confirmation.</summary>
    private (long StartedMs, double Peak, int Steps) RunBefore(long timeMs, double value, double baseline)
    {
        var (startedMs, peak, steps) = (timeMs, value, 0);
        foreach (var (stepMs, before) in _before.Reverse())
        {
            if (stepMs != startedMs - _stepMs || !_rules.IsSignificant(_key.Indicator, before, baseline))
            {
                break;
            }

            (startedMs, peak, steps) = (stepMs, Worse(before, peak) ? before : peak, steps + 1);
        }

        return (startedMs, peak, steps);
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
