namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>
/// Scores a detector's output on NAB at a fixed threshold: a row is a detection when its score is at least the
/// threshold; each window counts only its best detection, or -fnWeight when it has none; detections outside
/// windows cost fpWeight scaled by their distance past the preceding window.
/// </summary>
public static class NabScorer
{
    /// <summary>The corpus score under each profile, all at the same threshold.</summary>
    public static IReadOnlyList<NabScore> Score(IReadOnlyList<NabScoredFile> files, IReadOnlyList<NabProfile> profiles, double threshold)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return [.. profiles.Select(p => Score(files, p, threshold))];
    }

    /// <summary>The corpus score under one profile.</summary>
    public static NabScore Score(IReadOnlyList<NabScoredFile> files, NabProfile profile, double threshold)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profile);
        var raw = 0.0;
        var windows = 0;
        foreach (var file in files)
        {
            raw += ScoreFile(file, profile, threshold);
            windows += file.Windows.Count;
        }

        return new NabScore(profile.Name, threshold, raw, Normalize(raw, windows, profile));
    }

    /// <summary>One file's raw score.</summary>
    public static double ScoreFile(NabScoredFile file, NabProfile profile, double threshold)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(profile);
        var best = new double[file.Windows.Count];
        Array.Fill(best, double.NaN);
        var falsePositives = 0.0;
        foreach (var row in NabRules.Label(file.Scores.Count, file.Windows))
        {
            if (!(file.Scores[row.Row] >= threshold))
            {
                continue;
            }

            if (row.Window < 0)
            {
                falsePositives += row.Unweighted * profile.FpWeight;
            }
            else if (double.IsNaN(best[row.Window]) || row.Unweighted > best[row.Window])
            {
                best[row.Window] = row.Unweighted;
            }
        }

        var raw = falsePositives;
        foreach (var value in best)
        {
            raw += double.IsNaN(value) ? -profile.FnWeight : value * profile.TpWeight / NabRules.MaxTruePositive;
        }

        return raw;
    }

    /// <summary>100 (raw - null) / (perfect - null), where null misses every window and perfect finds each at its start.</summary>
    public static double Normalize(double raw, int windowCount, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var perfect = windowCount * profile.TpWeight;
        var none = -windowCount * profile.FnWeight;
        return 100.0 * (raw - none) / (perfect - none);
    }
}
