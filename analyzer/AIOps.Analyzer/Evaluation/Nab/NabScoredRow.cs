namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>
/// What a detection at <see cref="Row"/> would be worth before profile weights: inside window
/// <see cref="Window"/> (its index in the file) or a false positive when <see cref="Window"/> is -1.
/// </summary>
public readonly record struct NabScoredRow(int Row, int Window, double Unweighted);
