namespace AIOps.Remediator.Safety;

/// <summary>Whether the safety envelope lets an action run now; if not, which rule stopped it and why.</summary>
/// <param name="Allowed">Whether the action may run.</param>
/// <param name="Rule">kill-switch, freeze, busy, cooldown, rate-global, rate-service or concurrency; null when allowed.</param>
/// <param name="Reason">The rule's reason in words, with the numbers that decided it.</param>
public sealed record SafetyVerdict(bool Allowed, string? Rule, string Reason)
{
    public static SafetyVerdict Allow { get; } = new(true, null, "within every limit");

    public static SafetyVerdict Block(string rule, string reason) => new(false, rule, reason);
}
