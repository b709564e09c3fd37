namespace AIOps.Analyzer.Detection;

/// <summary>
/// The default detector: one calibrated score in [0, 1] from several views of the series. Each view (the value, a
/// short mean, the volatility rising or falling, the change from one season back, and the score of any component
/// detector added) is measured by how far it goes beyond its own range over the recent horizon, in widths of that
/// range: a record over days is rare in normal operation whatever the series' scale, noise or units, so the same
/// threshold works across series. The weighted largest excursion maps to
/// <c>excursion / (excursion + AlertExcursion)</c>, so 0.5 is the alert level. After a score, only a higher one is
/// reported for <see cref="EnsembleOptions.QuietPoints"/> points: one event, one alert. <see cref="Update"/> takes
/// every point as normal life; <see cref="Score"/>, <see cref="Learn"/> and <see cref="Forget"/> let a caller keep a
/// fault out of the ranges. Causal and pure.
/// </summary>
public sealed class EnsembleDetector : IStreamingDetector
{
    private readonly EnsembleOptions _options;
    private readonly SeriesFeatures _features;
    private readonly (NoveltyFeature Feature, double Weight, RangeNovelty Range)[] _views;
    private readonly (IStreamingDetector Detector, double Weight, RangeNovelty Range)[] _components;
    private readonly SlidingMaximum? _recent;
    private readonly List<double> _held = [];

    public EnsembleDetector(EnsembleOptions? options = null, IReadOnlyList<(IStreamingDetector Detector, double Weight)>? components = null)
    {
        _options = options ?? new EnsembleOptions();
        _options.Validate();
        _features = new SeriesFeatures(_options);
        _views = [.. _options.Weights.Where(w => w.Value > 0).Select(w => (w.Key, w.Value, NewRange()))];
        _components = [.. (components ?? []).Select(c => (c.Detector, c.Weight, NewRange()))];
        _recent = _options.QuietPoints > 0 ? new SlidingMaximum(_options.QuietPoints) : null;
    }

    /// <summary>The view behind the newest non-zero score (a component's name when a component drove it).</summary>
    public string? Driver { get; private set; }

    /// <summary>The newest point's weighted excursion beyond the recent range, before the quiet period applies.</summary>
    public double Excursion { get; private set; }

    /// <summary>The season the detector found or was given, in points (0: none).</summary>
    public int Period => _features.Period;

    /// <summary>The tuned default (see <see cref="EnsembleOptions"/>).</summary>
    public static EnsembleDetector CreateDefault() => new();

    public double Update(long timestampMs, double value)
    {
        var score = Score(timestampMs, value);
        Learn();
        return score;
    }

    /// <summary>
    /// Scores the next point against the recent ranges without adding it to them: the point is held until
    /// <see cref="Learn"/> or <see cref="Forget"/> settles it. A caller that knows a fault when it sees one keeps the fault's
    /// points out of the ranges, so that one fault does not make the next like it look ordinary for the whole horizon.
    /// </summary>
    public double Score(long timestampMs, double value)
    {
        _features.Add(timestampMs, value);
        var excursion = 0.0;
        string? driver = null;
        for (var i = 0; i < _views.Length; i++)
        {
            var (feature, weight, range) = _views[i];
            if (feature == NoveltyFeature.SeasonalChange && _features.SeasonChanged)
            {
                range = _views[i].Range = NewRange();
            }

            var x = _features.Values[(int)feature];
            _held.Add(x);
            var beyond = weight * range.Beyond(x, rise: feature is not (NoveltyFeature.VolatilityFall or NoveltyFeature.SustainedFall), fall: feature is not (NoveltyFeature.VolatilityRise or NoveltyFeature.SustainedRise));
            if (beyond > excursion)
            {
                (excursion, driver) = (beyond, feature.ToString());
            }
        }

        foreach (var (detector, weight, range) in _components)
        {
            var x = detector.Update(timestampMs, value);
            _held.Add(x);
            var beyond = weight * range.Beyond(x, fall: false);
            if (beyond > excursion)
            {
                (excursion, driver) = (beyond, detector.GetType().Name);
            }
        }

        Excursion = excursion;
        var reported = _recent?.AddIfNewMaximum(excursion) ?? excursion;

        if (reported > 0)
        {
            Driver = driver;
        }

        return reported / (reported + _options.AlertExcursion);
    }

    /// <summary>
    /// The points scored and not yet settled but the newest <paramref name="keepNewest"/> join the recent ranges, in
    /// order: they were normal. The newest stay held until the caller knows what they were.
    /// </summary>
    public void Learn(int keepNewest = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepNewest);
        var width = _views.Length + _components.Length;
        var learnt = Math.Max(0, (_held.Count / width) - keepNewest) * width;
        for (var start = 0; start < learnt; start += width)
        {
            for (var i = 0; i < _views.Length; i++)
            {
                _views[i].Range.Add(_held[start + i]);
            }

            for (var i = 0; i < _components.Length; i++)
            {
                _components[i].Range.Add(_held[start + _views.Length + i]);
            }
        }

        _held.RemoveRange(0, learnt);
    }

    /// <summary>Drops every point scored and not yet settled: they were an anomaly, and must not teach the ranges it is normal.</summary>
    public void Forget() => _held.Clear();

    private RangeNovelty NewRange() => new(_options.HorizonPoints, _options.WarmUpPoints, _options.TrimFraction);
}
