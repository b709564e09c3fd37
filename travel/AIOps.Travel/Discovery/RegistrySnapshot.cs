namespace AIOps.Travel.Discovery;

/// <summary>The instances of one service at a registry index; the index grows with every change.</summary>
public sealed record RegistrySnapshot(long Index, IReadOnlyList<ServiceInstance> Instances);
