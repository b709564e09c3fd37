namespace AIOps.Analyzer.Detection;

/// <summary>
/// How an <see cref="IsolationForest"/> is grown. The defaults are those of Liu, Ting and Zhou (2008): 100 trees of
/// 256-point subsamples, past which the scores barely change while the cost grows.
/// </summary>
public sealed record IsolationForestOptions
{
    /// <summary>The number of trees whose path lengths are averaged.</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The points each tree is grown from (all of them when the sample is smaller).</summary>
    public int SampleSize { get; init; } = 256;

    /// <summary>Seeds the random subsamples, features and splits: the same seed and sample give the same forest.</summary>
    public int Seed { get; init; }

    /// <summary>Fails with the setting's name when a value cannot work.</summary>
    public void Validate()
    {
        Require(TreeCount >= 1, nameof(TreeCount), "at least 1");
        Require(SampleSize >= 2, nameof(SampleSize), "at least 2");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"IsolationForestOptions.{name} must be {what}", name);
        }
    }
}
