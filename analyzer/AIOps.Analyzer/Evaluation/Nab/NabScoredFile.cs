namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>A detector's score for every row of one file, with the file's windows: the scorer's whole input.</summary>
public sealed record NabScoredFile(string Name, IReadOnlyList<NabWindow> Windows, IReadOnlyList<double> Scores);
