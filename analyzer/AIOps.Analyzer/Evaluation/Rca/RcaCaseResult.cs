namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>How one case was ranked: the true root cause's 1-based position (0 when not ranked) and the top suspect.</summary>
public sealed record RcaCaseResult(string Name, string Fault, string RootCause, int Rank, string? TopCandidate);
