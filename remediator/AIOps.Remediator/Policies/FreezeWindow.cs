namespace AIOps.Remediator.Policies;

/// <summary>
/// A time when no action runs (a release, a holiday): either an absolute span, or a weekly window on some days
/// between two times of day (UTC); a window that ends before it starts runs past midnight.
/// </summary>
public sealed class FreezeWindow
{
    public required string Name { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public TimeSpan From { get; init; }

    public TimeSpan To { get; init; }

    /// <summary>Whether <paramref name="now"/> falls in the window.</summary>
    public bool Contains(DateTimeOffset now)
    {
        if (Start is { } start && End is { } end)
        {
            return now >= start && now < end;
        }

        var utc = now.ToUniversalTime();
        var time = utc.TimeOfDay;
        if (From <= To)
        {
            return Days.Contains(utc.DayOfWeek) && time >= From && time < To;
        }

        // Past midnight: the evening belongs to the listed day, the morning after to the day before it.
        return (Days.Contains(utc.DayOfWeek) && time >= From) || (Days.Contains(utc.AddDays(-1).DayOfWeek) && time < To);
    }
}
