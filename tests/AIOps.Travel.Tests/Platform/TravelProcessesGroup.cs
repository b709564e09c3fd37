namespace AIOps.Travel.Tests.Platform;

/// <summary>
/// Tests that start real travel processes run one class at a time: the machine has two cores, and
/// fault tests (CPU burn, thread-pool starvation) must not slow each other's measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TravelProcessesGroup
{
    public const string Name = "travel processes";
}
