namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>A detector's NAB result: per profile, the best corpus-wide threshold and its score.</summary>
public sealed record NabEvaluationResult(IReadOnlyList<NabScore> Scores)
{
    public double Standard => this[NabProfile.Standard].Normalized;

    public double RewardLowFpRate => this[NabProfile.RewardLowFpRate].Normalized;

    public double RewardLowFnRate => this[NabProfile.RewardLowFnRate].Normalized;

    /// <summary>The score under the named profile.</summary>
    public NabScore this[string profile] =>
        Scores.FirstOrDefault(s => s.Profile == profile) ?? throw new KeyNotFoundException($"no score for profile {profile}");
}
