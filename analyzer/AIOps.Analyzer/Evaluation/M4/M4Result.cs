namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>An evaluated forecaster with the Naive2 and seasonal naive benchmarks of the same run.</summary>
public sealed record M4Result(M4Score Model, M4Score Naive2, M4Score SeasonalNaive);
