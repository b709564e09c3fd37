using System.Globalization;

namespace AIOps.Remediator.Drivers.Process;

/// <summary>
/// Remediation on the one-machine demo: each service is the supervised processes of its group, named
/// <c>&lt;service&gt;-&lt;n&gt;</c>. Scaling out starts the next replicas (they register with the platform's registry
/// themselves); scaling in stops the highest-numbered ones with SIGTERM (they deregister) and forgets them; an
/// instance restart stops and starts the process; a rolling restart does that to each in turn. The floor a
/// predictive scale sets is kept here: there is no autoscaler to hold it.
/// </summary>
/// <param name="supervisor">The processes.</param>
/// <param name="replicaSpec">How to start replica n of a service (the demo's command line for it).</param>
public sealed class LocalProcessDriver(LocalProcessSupervisor supervisor, Func<string, int, ProcessSpec> replicaSpec) : IRemediationDriver, IDisposable
{
    private readonly Dictionary<string, int> _floors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => "process";

    /// <summary>Services the platform can run only so many of (the demo's gateway listens on a fixed port: 1).</summary>
    public IReadOnlyDictionary<string, int> MaxReplicas { get; init; } = new Dictionary<string, int>();

    /// <summary>How long a stopped process has to exit after SIGTERM before it is killed.</summary>
    public TimeSpan Grace { get; init; } = LocalProcessSupervisor.DefaultGrace;

    public Task<ServiceReplicas> ReplicasAsync(string service, CancellationToken cancellationToken)
    {
        var members = Members(service);
        lock (_floors)
        {
            return Task.FromResult(new ServiceReplicas(
                members.Count,
                members.Count(m => m.State == ProcessState.Running),
                [.. members.Select(m => m.Name)],
                _floors.TryGetValue(service, out var floor) ? floor : null,
                [.. members.Where(m => m.State != ProcessState.Running).Select(m => m.Name)],
                MaxReplicas.TryGetValue(service, out var max) ? max : null));
        }
    }

    public async Task<IReadOnlyList<string>> ScaleAsync(string service, int replicas, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        if (MaxReplicas.TryGetValue(service, out var max) && replicas > max)
        {
            throw new InvalidOperationException($"{service} runs at most {max} replicas on this platform");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var members = Members(service);
            if (members.Count == 0)
            {
                throw new InvalidOperationException($"no process of service {service} is supervised");
            }

            var changes = new List<string>();
            var taken = members.Select(m => Index(service, m.Name)).ToHashSet();
            for (var n = 1; members.Count + changes.Count < replicas; n++)
            {
                if (taken.Contains(n))
                {
                    continue;
                }

                var spec = replicaSpec(service, n);
                changes.Add($"start {spec.Name}: {spec.FileName} {string.Join(' ', spec.Arguments)}");
                if (!dryRun)
                {
                    supervisor.Start(spec);
                }
            }

            foreach (var member in members.OrderByDescending(m => Index(service, m.Name)).Take(Math.Max(0, members.Count - replicas)))
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"stop {member.Name} (SIGTERM, killed after {Grace.TotalSeconds:0} s)"));
                if (!dryRun)
                {
                    await supervisor.StopAsync(member.Name, Grace, cancellationToken).ConfigureAwait(false);
                    supervisor.Remove(member.Name);
                }
            }

            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> SetFloorAsync(string service, int floor, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(floor, 1);
        var changes = new List<string> { string.Create(CultureInfo.InvariantCulture, $"keep {service} at {floor} replicas or more") };
        if (!dryRun)
        {
            lock (_floors)
            {
                _floors[service] = floor;
            }
        }

        // No autoscaler here: the replicas follow the floor both ways.
        if (Members(service).Count != floor)
        {
            changes.AddRange(await ScaleAsync(service, floor, dryRun, cancellationToken).ConfigureAwait(false));
        }

        return changes;
    }

    public async Task<IReadOnlyList<string>> RestartInstanceAsync(string service, string instance, bool dryRun, CancellationToken cancellationToken)
    {
        if (!Members(service).Any(m => m.Name == instance))
        {
            throw new InvalidOperationException($"{instance} is not a process of service {service}");
        }

        if (!dryRun)
        {
            await supervisor.RestartAsync(instance, Grace, cancellationToken).ConfigureAwait(false);
        }

        return [string.Create(CultureInfo.InvariantCulture, $"restart {instance} (SIGTERM, killed after {Grace.TotalSeconds:0} s, then started again)")];
    }

    public async Task<IReadOnlyList<string>> RollingRestartAsync(string service, int minHealthy, bool dryRun, CancellationToken cancellationToken)
    {
        var members = Members(service);
        var running = members.Count(m => m.State == ProcessState.Running);
        if (running - 1 < minHealthy && members.Count > 1)
        {
            throw new InvalidOperationException($"{service} has {running} running; restarting one at a time would leave fewer than min_healthy {minHealthy}");
        }

        var changes = new List<string>();
        foreach (var member in members)
        {
            changes.AddRange(await RestartInstanceAsync(service, member.Name, dryRun, cancellationToken).ConfigureAwait(false));
        }

        return changes;
    }

    public void Dispose() => _gate.Dispose();

    private List<ManagedProcessInfo> Members(string service) =>
        [.. supervisor.List().Where(p => p.Group == service && p.State != ProcessState.Stopped).OrderBy(p => Index(service, p.Name))];

    private static int Index(string service, string name) =>
        name.StartsWith(service + "-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(service.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
