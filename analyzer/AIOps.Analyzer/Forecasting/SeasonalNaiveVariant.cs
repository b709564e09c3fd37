namespace AIOps.Analyzer.Forecasting;

/// <summary>Which seasonal-naive variant <see cref="MultiSeasonalNaiveForecaster"/> computes.</summary>
public enum SeasonalNaiveVariant
{
    /// <summary>The same hour a week back (seven periods).</summary>
    Weekly,

    /// <summary>The mean of the same hour a day back and a week back.</summary>
    DailyWeeklyBlend,

    /// <summary>The median of the same hour over the last seven days.</summary>
    DailyMedian,
}
