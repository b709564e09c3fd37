using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Chaos;

/// <summary>What the driver did for one case, and when: the ground truth the scorer judges the incidents against.</summary>
/// <param name="Case">The planned case.</param>
/// <param name="Fault">What each instance was sent.</param>
/// <param name="Instances">The instances that took the fault.</param>
/// <param name="InjectedAt">Just before the first instance was sent the fault.</param>
/// <param name="FaultEndsAt">When the fault ends by itself.</param>
/// <param name="DetectBy">The end of the detection window: the fault's end plus a grace for the analysis' lag.</param>
/// <param name="SettledAt">When no incident was open any more (or the driver gave up waiting): the case's window ends.</param>
/// <param name="Seen">The first incident the driver saw through the API in the detection window, and when; null: none.</param>
/// <param name="OpenAtInjection">
/// Incidents still open when the fault was injected (the driver waits for none, within its recovery limit): the
/// case's signals may join one of them instead of opening an incident, so such a case is not a fair one.
/// </param>
public sealed record ChaosCaseRun(
    ChaosCase Case,
    InstanceFault Fault,
    IReadOnlyList<string> Instances,
    DateTimeOffset InjectedAt,
    DateTimeOffset FaultEndsAt,
    DateTimeOffset DetectBy,
    DateTimeOffset SettledAt,
    ChaosSighting? Seen = null,
    IReadOnlyList<string>? OpenAtInjection = null);
