namespace AIOps.Analyzer.Signals;

/// <summary>
/// Whether a change is large enough to matter to an SRE, whatever a detector thinks of its rarity: a p95 that
/// doubles from 2 ms to 4 ms is a record but nobody's problem. Directional: more traffic is not a fault (flash
/// sales are the business working), less traffic is; so are more errors, slower requests, more CPU, memory or
/// queued work. Pure.
/// </summary>
public sealed record SignificanceRules
{
    public double LatencyRatio { get; init; } = 1.5;

    public double LatencyMinIncreaseMs { get; init; } = 25;

    public double ErrorRateMinIncrease { get; init; } = 0.05;

    public double RateDropRatio { get; init; } = 0.5;

    public double MinRateForDrop { get; init; } = 0.5;

    public double CpuMinIncreaseCores { get; init; } = 0.5;

    public double MemoryRatio { get; init; } = 1.5;

    /// <summary>
    /// Work items queued above the baseline: a healthy pool drains its queue within a window (a couple of items at
    /// most, between faults, on the travel platform), so 20 held for the confirming windows is a pool that stopped
    /// taking work, even where no request shows it (a queue consumer).
    /// </summary>
    public double ThreadPoolQueueMinIncrease { get; init; } = 20;

    /// <summary>True when <paramref name="value"/> departs from <paramref name="baseline"/> in the harmful direction by enough.</summary>
    public bool IsSignificant(Indicator indicator, double value, double baseline) => indicator switch
    {
        Indicator.RequestRate => baseline >= MinRateForDrop && value <= baseline * RateDropRatio,
        Indicator.ErrorRate => value >= baseline + ErrorRateMinIncrease,
        Indicator.LatencyP95 or Indicator.LatencyP99 => value >= baseline * LatencyRatio && value >= baseline + LatencyMinIncreaseMs,
        Indicator.Cpu => value >= baseline + CpuMinIncreaseCores,
        Indicator.Memory => value >= baseline * MemoryRatio,
        Indicator.ThreadPoolQueue => value >= baseline + ThreadPoolQueueMinIncrease,
        _ => false,
    };
}
