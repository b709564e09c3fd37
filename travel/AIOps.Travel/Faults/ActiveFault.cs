namespace AIOps.Travel.Faults;

/// <summary>A fault in force on this instance, as listed by GET /admin/faults.</summary>
public sealed record ActiveFault(string Id, string Kind, double Intensity, double JitterMs, string? Dependency, DateTimeOffset StartedAt, DateTimeOffset EndsAt, string Service, string InstanceId);
