namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Settings of <see cref="AdditiveModelForecaster"/>. Prior scales are in units of the scaled series (divided by its
/// largest absolute value, or in log units in multiplicative mode) over the span of the history; the defaults follow
/// the usual Prophet defaults.
/// </summary>
public sealed record AdditiveModelOptions
{
    /// <summary>Candidate change points of the trend's slope, evenly spaced over <see cref="ChangePointRange"/>.</summary>
    public int ChangePoints { get; init; } = 25;

    /// <summary>The leading share of the history that holds the candidate change points (the tail has too little data).</summary>
    public double ChangePointRange { get; init; } = 0.8;

    /// <summary>The Laplace scale of a slope change: smaller keeps the trend stiffer.</summary>
    public double ChangePointPriorScale { get; init; } = 0.05;

    /// <summary>The normal scale of each Fourier coefficient.</summary>
    public double SeasonalityPriorScale { get; init; } = 10;

    /// <summary>The normal scale of the event effect.</summary>
    public double EventPriorScale { get; init; } = 10;

    /// <summary>Fourier pairs of the daily season (capped below half the period).</summary>
    public int DailyOrder { get; init; } = 10;

    /// <summary>Fourier pairs of the weekly season, used when the history covers two weeks.</summary>
    public int WeeklyOrder { get; init; } = 5;

    /// <summary>Steps over which an event's effect fades after its window ends (0: it stops with the window).</summary>
    public double EventDecaySteps { get; init; }

    /// <summary>Correct the forecast by an autoregression of the residuals (on the last step and a period back).</summary>
    public bool Autoregression { get; init; } = true;

    /// <summary>Additive, multiplicative (log) or chosen per series by a holdout.</summary>
    public AdditiveModelMode Mode { get; init; } = AdditiveModelMode.Auto;

    /// <summary>Fails with the setting's name when a value cannot work.</summary>
    public void Validate()
    {
        Require(ChangePoints is >= 0 and <= 1000, nameof(ChangePoints), "between 0 and 1000");
        Require(ChangePointRange is > 0 and <= 1, nameof(ChangePointRange), "above 0 and at most 1");
        Require(ChangePointPriorScale > 0 && double.IsFinite(ChangePointPriorScale), nameof(ChangePointPriorScale), "positive");
        Require(SeasonalityPriorScale > 0 && double.IsFinite(SeasonalityPriorScale), nameof(SeasonalityPriorScale), "positive");
        Require(EventPriorScale > 0 && double.IsFinite(EventPriorScale), nameof(EventPriorScale), "positive");
        Require(DailyOrder is >= 0 and <= 100, nameof(DailyOrder), "between 0 and 100");
        Require(WeeklyOrder is >= 0 and <= 100, nameof(WeeklyOrder), "between 0 and 100");
        Require(EventDecaySteps >= 0 && double.IsFinite(EventDecaySteps), nameof(EventDecaySteps), "0 or more");
        Require(Enum.IsDefined(Mode), nameof(Mode), "Additive, Multiplicative or Auto");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"AdditiveModelOptions.{name} must be {what}", name);
        }
    }
}
