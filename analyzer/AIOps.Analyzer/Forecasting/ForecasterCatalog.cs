namespace AIOps.Analyzer.Forecasting;

/// <summary>Forecasters by name, for the evaluation commands. Add a line here to make a forecaster evaluable.</summary>
public static class ForecasterCatalog
{
    private static readonly Dictionary<string, Func<IForecaster>> s_factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["naive"] = () => new NaiveForecaster(),
        ["snaive"] = () => new SeasonalNaiveForecaster(),
        ["naive2"] = () => new Naive2Forecaster(),
        ["holt-winters"] = () => new HoltWintersForecaster(),
        ["ssa"] = () => new SingularSpectrumForecaster(),
        ["weekly-naive"] = () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.Weekly),
        ["daily-weekly-naive"] = () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.DailyWeeklyBlend),
        ["daily-median-naive"] = () => new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.DailyMedian),
        ["additive"] = () => new AdditiveModelForecaster(),
        ["auto"] = BacktestSelector.CreateDefault,
        ["combined"] = () => new CombinationForecaster("combined", [() => new SingularSpectrumForecaster(), () => new AdditiveModelForecaster()]),
    };

    public static IReadOnlyList<string> Names => [.. s_factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A new forecaster, or an <see cref="ArgumentException"/> naming the known ones.</summary>
    public static IForecaster Create(string name) =>
        s_factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ArgumentException($"Unknown forecaster '{name}'; known: {string.Join(", ", Names)}", nameof(name));
}
