namespace AIOps.Dashboard.Tests.Demo;

/// <summary>
/// The demo incident test alone: it judges latency over half an hour, so nothing else may load the two cores meanwhile
/// (xunit runs collections that disable parallelisation after the others, one at a time).
/// </summary>
[CollectionDefinition(nameof(DemoIncidentRun), DisableParallelization = true)]
public sealed class DemoIncidentRun;
