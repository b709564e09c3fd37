namespace AIOps.Analyzer.Analysis;

/// <summary>A service's request-rate forecast: the model the backtest chose, what it was fitted on, and the points ahead.</summary>
public sealed record ServiceForecast(
    string Service,
    DateTimeOffset GeneratedAt,
    double StepSeconds,
    int SeasonSteps,
    int HistorySteps,
    string Model,
    IReadOnlyList<ForecastPoint> Points);
