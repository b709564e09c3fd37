namespace AIOps.Travel.Discovery;

/// <summary>Body of a registration or heartbeat: PUT /v1/instances/{service}/{instanceId}.</summary>
public sealed record RegistrationRequest(string Address, string? Version, int? Weight, int? Pid);
