namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>The NAB scoring rules that do not depend on the detector: probation, the scaled sigmoid and row values.</summary>
public static class NabRules
{
    /// <summary>The largest true-positive value, at a window's first row; true positives are divided by it.</summary>
    public static double MaxTruePositive { get; } = ScaledSigmoid(-1.0);

    /// <summary>Leading rows that are never scored: 15 % of the file, at most 750.</summary>
    public static int ProbationaryLength(int rowCount) => Math.Min(rowCount * 15 / 100, 750);

    /// <summary>2 / (1 + e^(5p)) - 1, and -1 beyond p = 3.</summary>
    public static double ScaledSigmoid(double position) =>
        position > 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * position))) - 1.0;

    /// <summary>The value of a detection at each scored row (probationary rows are left out).</summary>
    public static NabScoredRow[] Label(int rowCount, IReadOnlyList<NabWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var start = ProbationaryLength(rowCount);
        var rows = new NabScoredRow[Math.Max(rowCount - start, 0)];
        var next = 0;
        var previous = -1;
        for (var i = start; i < rowCount; i++)
        {
            while (next < windows.Count && windows[next].End < i)
            {
                previous = next++;
            }

            rows[i - start] = next < windows.Count && windows[next].Start <= i
                ? new NabScoredRow(i, next, ScaledSigmoid(-(double)(windows[next].End - i + 1) / windows[next].Width))
                : new NabScoredRow(i, -1, previous < 0 ? -1.0 : ScaledSigmoid(Math.Abs(windows[previous].End - i) / (double)(windows[previous].Width - 1)));
        }

        return rows;
    }
}
