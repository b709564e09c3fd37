namespace AIOps.Remediator.Policies;

/// <summary>The hard limits every action stays inside, whatever its policy says.</summary>
public sealed class SafetyLimits
{
    /// <summary>Actions started in any rolling hour, over all services.</summary>
    public int ActionsPerHour { get; init; } = 10;

    /// <summary>Actions started in any rolling hour on one service.</summary>
    public int ActionsPerHourPerService { get; init; } = 3;

    /// <summary>Services that may be changing (executing or verifying) at once.</summary>
    public int ConcurrentServices { get; init; } = 1;

    /// <summary>How long a proposed action waits for approval before it expires.</summary>
    public TimeSpan ApprovalExpiry { get; init; } = TimeSpan.FromMinutes(15);
}
