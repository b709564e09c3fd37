using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>Ranks every case of a root-cause benchmark and scores where the true root cause landed.</summary>
public static class RcaEvaluation
{
    /// <summary>Runs <paramref name="ranker"/> on each case at its anomaly start.</summary>
    public static RcaEvaluationResult Run(IReadOnlyList<RcaCase> cases, RobustChangeRanker ranker)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(ranker);
        var results = new RcaCaseResult[cases.Count];
        // Cases are independent and the ranker is pure, so they can be ranked in parallel.
        Parallel.For(0, cases.Count, i =>
        {
            var c = cases[i];
            var ranking = ranker.Rank(c.Series, c.AnomalyStartMs);
            var position = ranking.Select(r => r.Service).ToList().IndexOf(c.RootCause) + 1;
            results[i] = new RcaCaseResult(c.Name, c.Fault, c.RootCause, position, ranking.Count > 0 ? ranking[0].Service : null);
        });

        var byFault = results
            .GroupBy(r => r.Fault, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RcaScorer.Score([.. g.Select(r => r.Rank)]), StringComparer.Ordinal);
        return new RcaEvaluationResult(RcaScorer.Score([.. results.Select(r => r.Rank)]), byFault, results);
    }
}
