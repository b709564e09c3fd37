namespace AIOps.Analyzer.Evaluation.M4;

/// <summary>One M4 series: its training part and the held-out values to forecast.</summary>
public sealed record M4Series(string Id, IReadOnlyList<double> Train, IReadOnlyList<double> Test);
