namespace AIOps.Analyzer.Signals;

/// <summary>
/// An anomaly on one indicator: when it started (and ended), the baseline before it, the worst and latest values,
/// the detector's score at onset and which view of the series moved (value, short mean, volatility, season).
/// </summary>
public sealed record Signal
{
    public required IndicatorKey Key { get; init; }

    public required long StartedMs { get; init; }

    public long? EndedMs { get; init; }

    public required double Baseline { get; init; }

    public required double Peak { get; init; }

    public required double Last { get; init; }

    public required double Score { get; init; }

    public string? Driver { get; init; }

    public bool IsActive => EndedMs is null;
}
