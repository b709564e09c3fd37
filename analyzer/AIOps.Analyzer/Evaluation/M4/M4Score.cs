namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>One forecaster's metrics, each averaged over all series; OWA relative to Naive2.</summary>
public sealed record M4Score(string Forecaster, double Smape, double Mase, double Owa, double Msis);
