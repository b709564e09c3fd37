namespace AIOps.Travel.Load;

/// <summary>The outcome of a load run.</summary>
public sealed record LoadReport(
    double DurationSeconds,
    double TargetQps,
    long Scheduled,
    long Sent,
    long Completed,
    long Errors,
    long ClientErrors,
    long Dropped,
    double AchievedQps,
    double ErrorRate,
    double P50Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyList<EndpointStats> Endpoints,
    IReadOnlyList<SecondStats> PerSecond,
    IReadOnlyList<FlashSale> FlashSales);
