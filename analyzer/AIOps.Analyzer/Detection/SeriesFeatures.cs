namespace AIOps.Analyzer.Detection;

/// <summary>
/// The <see cref="NoveltyFeature"/> values of a streaming series, point by point, in O(1) per point (the season
/// search aside, which looks at the first cycles once). A feature is NaN until it has the points it needs.
/// </summary>
internal sealed class SeriesFeatures
{
    private readonly RollingSum _mean;
    private readonly RollingSum _volatility;
    private readonly SlidingMaximum _highest;
    private readonly SlidingMaximum _negatedLowest;
    private readonly int _sustainPoints;
    private readonly SeasonalPeriodFinder _season;
    private readonly double[] _values = new double[Enum.GetValues<NoveltyFeature>().Length];
    private double? _previous;

    public SeriesFeatures(EnsembleOptions options)
    {
        _mean = new RollingSum(options.MeanPoints);
        _volatility = new RollingSum(options.VolatilityPoints);
        _sustainPoints = options.SustainPoints;
        _highest = new SlidingMaximum(options.SustainPoints);
        _negatedLowest = new SlidingMaximum(options.SustainPoints);
        _season = new SeasonalPeriodFinder(options.WarmUpPoints, options.MaxSeasonHistory, options.Period);
    }

    /// <summary>The current season in points (0: none).</summary>
    public int Period => _season.Period;

    /// <summary>True when the season changed with the last point (seasonal values before it mean something else).</summary>
    public bool SeasonChanged { get; private set; }

    /// <summary>The features at the newest point, indexed by <see cref="NoveltyFeature"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    public void Add(long timestampMs, double value)
    {
        _mean.Add(value);
        if (_previous is { } previous)
        {
            _volatility.Add(Math.Abs(value - previous));
        }

        _previous = value;
        _highest.Add(value);
        _negatedLowest.Add(-value);
        var sustained = _highest.Added >= _sustainPoints;
        SeasonChanged = _season.Add(timestampMs, value);
        var volatility = _volatility.IsFull ? _volatility.Mean : double.NaN;
        _values[(int)NoveltyFeature.Value] = value;
        _values[(int)NoveltyFeature.ShortMean] = _mean.IsFull ? _mean.Mean : double.NaN;
        _values[(int)NoveltyFeature.VolatilityRise] = volatility;
        _values[(int)NoveltyFeature.VolatilityFall] = volatility;
        _values[(int)NoveltyFeature.SeasonalChange] = _season.PeriodAgo() is { } before ? value - before : double.NaN;
        _values[(int)NoveltyFeature.SustainedRise] = sustained ? -_negatedLowest.Maximum : double.NaN;
        _values[(int)NoveltyFeature.SustainedFall] = sustained ? _highest.Maximum : double.NaN;
    }
}
