namespace AIOps.Analyzer.RootCause;

/// <summary>How a <see cref="RobustChangeRanker"/> measures change. The defaults are those measured on Sock Shop (docs/performance.md).</summary>
public sealed record RobustChangeRankerOptions
{
    /// <summary>Which way a metric must move for the move to count.</summary>
    public ChangeDirection Direction { get; init; } = ChangeDirection.Increase;

    /// <summary>
    /// The smallest spread a baseline is given, as a share of its typical magnitude, so that a metric that was flat
    /// before the anomaly scores its relative change instead of an unbounded one.
    /// </summary>
    public double RelativeScaleFloor { get; init; } = 0.01;

    /// <summary>The normal points a metric needs before the anomaly to have a baseline; metrics with fewer are skipped.</summary>
    public int MinimumBaselinePoints { get; init; } = 3;

    /// <summary>Fails with the setting's name when a value cannot work.</summary>
    public void Validate()
    {
        Require(Enum.IsDefined(Direction), nameof(Direction), "Increase, Decrease or Either");
        Require(RelativeScaleFloor is > 0 and <= 1, nameof(RelativeScaleFloor), "above 0 and at most 1");
        Require(MinimumBaselinePoints >= 2, nameof(MinimumBaselinePoints), "at least 2");
    }

    private static void Require(bool condition, string name, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"RobustChangeRankerOptions.{name} must be {what}", name);
        }
    }
}
