namespace AIOps.Travel.Load;

/// <summary>How much load, shaped how, for how long.</summary>
public sealed record LoadOptions
{
    public Uri Target { get; init; } = new("http://127.0.0.1:5000/");

    /// <summary>Mean requests per second over the run (over a week when the run has no end).</summary>
    public double TargetQps { get; init; } = 50;

    /// <summary>Zero runs until cancelled.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Real minutes per simulated day (1440 is real time).</summary>
    public double DayMinutes { get; init; } = 1440;

    /// <summary>Simulated start, hours since Monday 00:00.</summary>
    public double StartHours { get; init; }

    public double FlashSalesPerDay { get; init; } = 1;

    /// <summary>Flash sales announced for set times, in real time after the start (on top of the random ones).</summary>
    public IReadOnlyList<TimeSpan> FlashSalesAt { get; init; } = [];

    /// <summary>Standard deviation of the per-second multiplicative noise.</summary>
    public double Noise { get; init; } = 0.08;

    public int Seed { get; init; } = 42;

    /// <summary>Requests in flight beyond which new ones are dropped (and counted) rather than queued.</summary>
    public int MaxInFlight { get; init; } = 2000;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public double Acceleration => 1440 / DayMinutes;

    /// <summary>The flash sales of <see cref="FlashSalesAt"/>, in simulated hours: half a simulated hour each, traffic x3 at the top.</summary>
    public IReadOnlyList<FlashSale> AnnouncedFlashSales() =>
        [.. FlashSalesAt.Select(at => new FlashSale(StartHours + (at.TotalHours * Acceleration), DurationHours: 0.5, Peak: 3.0))];

    public string? Validate() =>
        TargetQps is <= 0 or > 100_000 ? "--qps must be in (0, 100000]"
        : DayMinutes is < 0.1 or > 1440 * 7 ? "--day-minutes must be in [0.1, 10080]"
        : Duration < TimeSpan.Zero ? "--duration must not be negative"
        : StartHours is < 0 or >= 168 ? "--start-hour must be in [0, 168) (hours since Monday 00:00)"
        : FlashSalesPerDay is < 0 or > 24 ? "--flash-sales-per-day must be in [0, 24]"
        : FlashSalesAt.Any(t => t < TimeSpan.Zero) ? "--flash-sale-at must not be negative"
        : Noise is < 0 or > 1 ? "--noise must be in [0, 1]"
        : MaxInFlight < 1 ? "--max-in-flight must be at least 1"
        : null;
}
