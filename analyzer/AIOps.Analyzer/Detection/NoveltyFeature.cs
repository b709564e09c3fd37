namespace AIOps.Analyzer.Detection;

/// <summary>A view of a series whose excursions beyond its recent range the ensemble looks for.</summary>
public enum NoveltyFeature
{
    /// <summary>The value itself: spikes and dips beyond anything recent.</summary>
    Value,

    /// <summary>The mean of the last few points: a sustained shift that single points hide in their noise.</summary>
    ShortMean,

    /// <summary>The mean absolute step over a longer stretch, rising: the series turned erratic.</summary>
    VolatilityRise,

    /// <summary>The same, falling: the series went flat (a stuck sensor, a dead feed, lost traffic).</summary>
    VolatilityFall,

    /// <summary>The change from one season (day or week) before: the usual shape broke.</summary>
    SeasonalChange,

    /// <summary>
    /// The lowest of the last few points, rising: every one of them higher than the series stays for that long. A
    /// level held for a while is judged against the levels held before, not against single spikes.
    /// </summary>
    SustainedRise,

    /// <summary>The highest of the last few points, falling: every one of them lower than the series stays for that long.</summary>
    SustainedFall,
}
