using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>Runs the root-cause analyzer over a benchmark's trials and scores where it put each true root cause.</summary>
public static class RcaEvaluation
{
    /// <summary>
    /// Ranks every trial with <paramref name="analyzer"/> (at most <paramref name="parallelism"/> at once: each holds
    /// its evidence in memory while it runs) and scores the results, overall and per fault type.
    /// </summary>
    public static RcaEvaluationResult Run(IReadOnlyList<RcaTrial> trials, RootCauseAnalyzer analyzer, int parallelism = 2)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new RcaCaseResult[trials.Count];
        // Trials are independent and the analyzer is pure, so they can be ranked in parallel.
        Parallel.For(0, trials.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var trial = trials[i];
            var ranking = analyzer.Rank(trial.Evidence());
            var position = ranking.Select(r => r.Service).ToList().IndexOf(trial.RootCause) + 1;
            results[i] = new RcaCaseResult(trial.Name, trial.Fault, trial.RootCause, position, ranking.Count > 0 ? ranking[0].Service : null);
        });

        var byFault = results
            .GroupBy(r => r.Fault, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RcaScorer.Score([.. g.Select(r => r.Rank)]), StringComparer.Ordinal);
        return new RcaEvaluationResult(RcaScorer.Score([.. results.Select(r => r.Rank)]), byFault, results);
    }
}
