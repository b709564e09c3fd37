namespace AIOps.Analyzer.Analysis;

/// <summary>One step of a request-rate forecast: the expected rate and its 95 % interval, in requests per second.</summary>
public sealed record ForecastPoint(DateTimeOffset Time, double Rate, double Lower, double Upper);
