namespace AIOps.Dashboard.Model;

/// <summary>What a service is held to: the share of requests that must succeed and the p95 latency it must keep under.</summary>
/// <param name="AvailabilityPercent">Requests that must succeed, in percent, e.g. 99.5.</param>
/// <param name="LatencyP95Ms">The 95th percentile of request duration it must stay under, in milliseconds.</param>
public readonly record struct ServiceObjective(double AvailabilityPercent, double LatencyP95Ms)
{
    /// <summary>The share of requests that may fail: 0.005 for 99.5 %.</summary>
    public double AllowedErrorRate => (100 - AvailabilityPercent) / 100;

    /// <summary>The errors the objective allows among <paramref name="requests"/>: its error budget.</summary>
    /// <remarks>Computed in percent, so that 99.5 % of 80,000 requests allows 400 errors exactly, not a rounding more.</remarks>
    public double ErrorBudget(long requests) => (100 - AvailabilityPercent) * requests / 100;
}
