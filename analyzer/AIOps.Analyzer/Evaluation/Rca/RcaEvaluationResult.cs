namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>A ranker's accuracy over a benchmark, overall and per fault kind, with each case's outcome.</summary>
public sealed record RcaEvaluationResult(
    RcaAccuracy Overall,
    IReadOnlyDictionary<string, RcaAccuracy> ByFault,
    IReadOnlyList<RcaCaseResult> Cases);
