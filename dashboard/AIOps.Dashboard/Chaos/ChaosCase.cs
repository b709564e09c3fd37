namespace AIOps.Dashboard.Chaos;

/// <summary>One planned fault: which service, what kind, how long, and the fault-free time before it.</summary>
/// <param name="Number">Its place in the plan, from 1.</param>
/// <param name="Service">The service whose every instance gets the fault: the true root cause.</param>
/// <param name="Kind">The fault kind (<see cref="ChaosCatalog.Kinds"/>).</param>
/// <param name="Dependency">Dependency faults only: the call that is slowed or failed.</param>
/// <param name="FaultDuration">How long the fault lasts.</param>
/// <param name="QuietBefore">The fault-free time before it is injected (after the previous case has settled).</param>
public sealed record ChaosCase(int Number, string Service, string Kind, string? Dependency, TimeSpan FaultDuration, TimeSpan QuietBefore)
{
    /// <summary>E.g. "latency on hotel" or "slow-dependency on order (calls to payment)".</summary>
    public string Description => Dependency is null ? $"{Kind} on {Service}" : $"{Kind} on {Service} (calls to {Dependency})";
}
