namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// How often a ranker put the true root cause near the top: <c>AC@k</c> is the share of cases whose root cause is
/// among the first k candidates, and <c>Avg@5</c> the mean of AC@1 to AC@5.
/// </summary>
/// <param name="Cases">The number of cases scored.</param>
/// <param name="AcAtK">AC@1, AC@2, ... in order.</param>
public sealed record RcaAccuracy(int Cases, IReadOnlyList<double> AcAtK)
{
    /// <summary>AC@<paramref name="k"/>, for k from 1 to the depth scored.</summary>
    public double Ac(int k) => k >= 1 && k <= AcAtK.Count
        ? AcAtK[k - 1]
        : throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and {AcAtK.Count}");

    /// <summary>The mean of AC@1 to AC@5.</summary>
    public double Avg5 => Enumerable.Range(1, 5).Average(Ac);
}
