namespace AIOps.Travel.Discovery;

/// <summary>One live replica of a service as the registry knows it.</summary>
/// <param name="Service">The logical service name (gateway, hotel, ...).</param>
/// <param name="InstanceId">Unique per process; also its OpenTelemetry service.instance.id.</param>
/// <param name="Address">Base URL, e.g. http://127.0.0.1:41234.</param>
/// <param name="Version">The build the replica runs.</param>
/// <param name="Weight">Relative capacity for weighted balancing (1 to 100).</param>
/// <param name="Pid">Operating-system process id, for the local process driver.</param>
public sealed record ServiceInstance(string Service, string InstanceId, string Address, string Version, int Weight, int Pid);
