namespace AIOps.Analyzer.Statistics;

/// <summary>
/// How far a failure rate rose from a baseline rate, in binomial standard errors of the new sample (the baseline's
/// variance, at least that of a 1 % rate, so a clean baseline does not make one failure infinitely significant). Pure.
/// </summary>
public static class RateRise
{
    /// <summary>The rise of <paramref name="rate"/> over <paramref name="count"/> trials above <paramref name="baseRate"/>; 0 when it did not rise.</summary>
    public static double Score(double baseRate, double rate, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var standardError = Math.Sqrt(Math.Max(baseRate * (1 - baseRate), 0.01 * 0.99) / count);
        return Math.Max(0, (rate - baseRate) / standardError);
    }
}
