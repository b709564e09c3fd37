namespace AIOps.Analyzer.Forecasting;

/// <summary>Point forecasts for the next steps with a prediction interval of the requested coverage.</summary>
public sealed record Forecast(IReadOnlyList<double> Mean, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
