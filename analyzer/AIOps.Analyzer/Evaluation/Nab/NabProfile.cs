namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>A NAB cost profile: the weight of a true positive, a false positive and a missed window.</summary>
public sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight)
{
    public const string Standard = "standard";
    public const string RewardLowFpRate = "reward_low_FP_rate";
    public const string RewardLowFnRate = "reward_low_FN_rate";

    /// <summary>The three published profiles, as in NAB's <c>config/profiles.json</c>.</summary>
    public static IReadOnlyList<NabProfile> Published { get; } =
    [
        new(Standard, 1.0, 0.11, 1.0),
        new(RewardLowFpRate, 1.0, 0.22, 1.0),
        new(RewardLowFnRate, 1.0, 0.11, 2.0),
    ];
}
