namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>Turns the rank each case gave its true root cause into AC@k and Avg@5.</summary>
public static class RcaScorer
{
    /// <summary>The deepest k scored: Avg@5 needs AC@1 to AC@5.</summary>
    public const int Depth = 5;

    /// <summary>
    /// The accuracy of <paramref name="ranks"/>: each the 1-based position of a case's root cause in its ranking,
    /// or 0 when the ranking did not name it (a miss at every k).
    /// </summary>
    public static RcaAccuracy Score(IReadOnlyCollection<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Any(r => r < 0))
        {
            throw new ArgumentException("ranks must be 0 (not ranked) or positive", nameof(ranks));
        }

        if (ranks.Count == 0)
        {
            return new RcaAccuracy(0, new double[Depth]);
        }

        return new RcaAccuracy(ranks.Count, [.. Enumerable.Range(1, Depth).Select(k => ranks.Count(r => r >= 1 && r <= k) / (double)ranks.Count)]);
    }
}
