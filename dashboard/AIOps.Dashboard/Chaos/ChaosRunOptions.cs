namespace AIOps.Dashboard.Chaos;

/// <summary>How the chaos driver paces a run.</summary>
public sealed record ChaosRunOptions
{
    /// <summary>How long after a fault's end an incident still counts as its detection: the analysis runs behind the clock.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after the detection window the driver waits for every incident to resolve before it moves on.</summary>
    public TimeSpan RecoveryLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the demo may take to come up.</summary>
    public TimeSpan StartLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the analysis may take to warm up.</summary>
    public TimeSpan WarmUpLimit { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The traffic's simulated day: request-rate drops are judged only once a season has been seen, so the first fault
    /// waits for one.
    /// </summary>
    public TimeSpan Season { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The share of the analysis' indicators that must be warm before the first fault.</summary>
    public double WarmShare { get; init; } = 0.9;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The machine's cores, which a cpu fault's per-instance fraction is reckoned against.</summary>
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;
}
