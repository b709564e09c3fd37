namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>A corpus score under one profile at one threshold: raw (summed over files) and normalised (null 0, perfect 100).</summary>
public sealed record NabScore(string Profile, double Threshold, double Raw, double Normalized);
