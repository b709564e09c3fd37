using AIOps.Dashboard.Platform;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Model;

/// <summary>
/// One instance of a service as the service page lists it, from whichever sources know it: the platform's registry
/// (address, version), the host's process supervisor (state, pid, starts) and the telemetry (last seen, memory).
/// </summary>
public sealed record InstanceStatus(
    string Id,
    PlatformInstance? Registered,
    ManagedProcessInfo? Process,
    InstanceReport? Seen)
{
    public int? Pid => Process?.Pid ?? Registered?.Pid;

    /// <summary>
    /// The instances of <paramref name="service"/> known to any source, by id. Supervised processes are the ones whose
    /// group is the service. Pure.
    /// </summary>
    public static IReadOnlyList<InstanceStatus> Merge(
        string service,
        IReadOnlyList<PlatformInstance> registry,
        IReadOnlyList<ManagedProcessInfo> processes,
        IReadOnlyList<InstanceReport> seen)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(seen);
        var registered = registry.Where(i => string.Equals(i.Service, service, StringComparison.Ordinal)).ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        var supervised = processes.Where(p => string.Equals(p.Group, service, StringComparison.Ordinal)).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var sighted = seen.ToDictionary(s => s.Instance, StringComparer.Ordinal);
        return [.. registered.Keys.Concat(supervised.Keys).Concat(sighted.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new InstanceStatus(id, registered.GetValueOrDefault(id), supervised.GetValueOrDefault(id), sighted.GetValueOrDefault(id)))];
    }
}
