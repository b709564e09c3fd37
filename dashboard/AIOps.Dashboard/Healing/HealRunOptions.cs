namespace AIOps.Dashboard.Healing;

/// <summary>Timings and targets of `aiops eval heal`.</summary>
public sealed record HealRunOptions
{
    /// <summary>The service faulted (leak) or watched (surge).</summary>
    public string Service { get; init; } = "hotel";

    public TimeSpan StartLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Traffic the detectors watch before the leak.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(6);

    public double LeakMegabytesPerSecond { get; init; } = 10;

    /// <summary>How long the leak would go on if nothing healed it.</summary>
    public TimeSpan LeakFor { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an action may take to end after the injection before the run gives up.</summary>
    public TimeSpan HealLimit { get; init; } = TimeSpan.FromMinutes(12);

    /// <summary>When the flash sale starts, after the load does.</summary>
    public TimeSpan SaleAfter { get; init; } = TimeSpan.FromMinutes(7);

    /// <summary>How long after the sale's start the run waits for the scale-in.</summary>
    public TimeSpan SurgeLimit { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>The gateway's latency objective: p95 of every 10-second window at most this.</summary>
    public double ObjectiveMs { get; init; } = 500;

    /// <summary>How long a quiet run watches once the analysis is warm.</summary>
    public TimeSpan QuietFor { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
