namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>
/// Finds, per profile, the one corpus-wide threshold with the best score, as NAB's scoreboard does. Every distinct
/// score is a candidate: rows are sorted once by score, then each profile is a single sweep that lowers the
/// threshold row by row, keeping each window's best detection so far.
/// </summary>
public static class NabThresholdOptimizer
{
    /// <summary>The best threshold and its score for each profile.</summary>
    public static IReadOnlyList<NabScore> Optimize(IReadOnlyList<NabScoredFile> files, IReadOnlyList<NabProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profiles);
        var (scores, rows, windowCount) = Flatten(files);

        // The sweep's running sums only pick the threshold; the reported score is the scorer's own.
        return [.. profiles.Select(p => NabScorer.Score(files, p, BestThreshold(scores, rows, windowCount, p)))];
    }

    private static (double[] Scores, NabScoredRow[] Rows, int WindowCount) Flatten(IReadOnlyList<NabScoredFile> files)
    {
        var scores = new List<double>();
        var rows = new List<NabScoredRow>();
        var windowCount = 0;
        foreach (var file in files)
        {
            foreach (var row in NabRules.Label(file.Scores.Count, file.Windows))
            {
                var score = file.Scores[row.Row];
                if (!double.IsNaN(score))
                {
                    // Window indices become corpus-wide so one array holds every window's best detection.
                    scores.Add(-score);
                    rows.Add(row.Window < 0 ? row : row with { Window = row.Window + windowCount });
                }
            }

            windowCount += file.Windows.Count;
        }

        var keys = scores.ToArray();
        var items = rows.ToArray();
        Array.Sort(keys, items);
        return (keys, items, windowCount);
    }

    private static double BestThreshold(double[] negatedScores, NabScoredRow[] rows, int windowCount, NabProfile profile)
    {
        var best = new double[windowCount];
        Array.Fill(best, double.NaN);
        var truePositives = 0.0;
        var falsePositives = 0.0;
        var detected = 0;
        var tpScale = profile.TpWeight / NabRules.MaxTruePositive;

        // Above the highest score nothing is detected.
        var bestRaw = -windowCount * profile.FnWeight;
        var bestThreshold = negatedScores.Length == 0 ? 1.0 : Math.BitIncrement(-negatedScores[0]);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row.Window < 0)
            {
                falsePositives += row.Unweighted * profile.FpWeight;
            }
            else if (double.IsNaN(best[row.Window]))
            {
                best[row.Window] = row.Unweighted;
                truePositives += row.Unweighted * tpScale;
                detected++;
            }
            else if (row.Unweighted > best[row.Window])
            {
                truePositives += (row.Unweighted - best[row.Window]) * tpScale;
                best[row.Window] = row.Unweighted;
            }

            if (i + 1 < rows.Length && negatedScores[i + 1] == negatedScores[i])
            {
                continue;
            }

            var raw = truePositives + falsePositives - ((windowCount - detected) * profile.FnWeight);
            if (raw > bestRaw)
            {
                bestRaw = raw;
                bestThreshold = -negatedScores[i];
            }
        }

        return bestThreshold;
    }
}
