namespace AIOps.Analyzer.Forecasting;

/// <summary>How <see cref="AdditiveModelForecaster"/> combines trend, seasons and events.</summary>
public enum AdditiveModelMode
{
    /// <summary>Fit the components on the series itself: seasons and events add a fixed amount.</summary>
    Additive,

    /// <summary>Fit on the logarithm: seasons and events scale with the level (a series not all positive is fitted additively).</summary>
    Multiplicative,

    /// <summary>Multiplicative when the series is positive and that forecasts a held-out tail better; else additive.</summary>
    Auto,
}
