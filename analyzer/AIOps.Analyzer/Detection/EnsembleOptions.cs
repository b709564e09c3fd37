namespace AIOps.Analyzer.Detection;

/// <summary>
/// The ensemble's settings. The defaults are those measured on NAB (docs/performance.md): equal weights score
/// 69.8 there, these 73.4.
/// </summary>
public sealed record EnsembleOptions
{
    /// <summary>How far back the "recent range" reaches, in points.</summary>
    public int HorizonPoints { get; init; } = 5000;

    /// <summary>Points seen before anything is reported.</summary>
    public int WarmUpPoints { get; init; } = 200;

    /// <summary>The points the short mean averages.</summary>
    public int MeanPoints { get; init; } = 16;

    /// <summary>The points the volatility averages.</summary>
    public int VolatilityPoints { get; init; } = 64;

    /// <summary>The points a sustained level covers (<see cref="NoveltyFeature.SustainedRise"/>, <see cref="NoveltyFeature.SustainedFall"/>).</summary>
    public int SustainPoints { get; init; } = 3;

    /// <summary>After a score, only a higher one within this many points is reported (one event, one alert).</summary>
    public int QuietPoints { get; init; } = 100;

    /// <summary>A season in points to impose (0: find daily or weekly from the timestamps).</summary>
    public int Period { get; init; }

    /// <summary>The most points kept while looking for the season.</summary>
    public int MaxSeasonHistory { get; init; } = 20_000;

    /// <summary>The share of highest and of lowest values each range leaves out (0: the plain range, as on NAB).</summary>
    public double TrimFraction { get; init; }

    /// <summary>The weighted excursion (in range widths) that maps to a score of 0.5, the alert level.</summary>
    public double AlertExcursion { get; init; } = 0.063;

    /// <summary>The weight of each feature's excursion; a feature left out is not computed into the score.</summary>
    public IReadOnlyDictionary<NoveltyFeature, double> Weights { get; init; } = new Dictionary<NoveltyFeature, double>
    {
        [NoveltyFeature.Value] = 4,
        [NoveltyFeature.ShortMean] = 1,
        [NoveltyFeature.VolatilityRise] = 1,
        [NoveltyFeature.VolatilityFall] = 1,
        [NoveltyFeature.SeasonalChange] = 1,
    };

    /// <summary>Fails with the setting's name when a value cannot work.</summary>
    public void Validate()
    {
        Require(HorizonPoints >= 10, nameof(HorizonPoints), "at least 10");
        Require(WarmUpPoints >= 1 && WarmUpPoints <= HorizonPoints, nameof(WarmUpPoints), "between 1 and HorizonPoints");
        Require(MeanPoints >= 1, nameof(MeanPoints), "at least 1");
        Require(VolatilityPoints >= 1, nameof(VolatilityPoints), "at least 1");
        Require(SustainPoints >= 1, nameof(SustainPoints), "at least 1");
        Require(QuietPoints >= 0, nameof(QuietPoints), "0 or more");
        Require(Period == 0 || Period >= 2, nameof(Period), "0 or at least 2");
        Require(AlertExcursion > 0, nameof(AlertExcursion), "positive");
        Require(TrimFraction is >= 0 and < 0.5, nameof(TrimFraction), "at least 0 and below 0.5");
        Require(Weights.Values.All(w => w >= 0 && double.IsFinite(w)) && Weights.Values.Any(w => w > 0), nameof(Weights), "non-negative with at least one positive");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"EnsembleOptions.{name} must be {what}", name);
        }
    }
}
