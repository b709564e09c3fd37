using AIOps.Remediator.Drivers;

namespace AIOps.Remediator.Tests.Engine;

/// <summary>An in-memory platform: replicas per service; records every real change (dry runs only describe).</summary>
internal sealed class FakeDriver : IRemediationDriver
{
    public Dictionary<string, ServiceReplicas> Services { get; } = new(StringComparer.Ordinal);

    public List<string> Changes { get; } = [];

    public int DryRuns { get; private set; }

    public string Name => "fake";

    public Task<ServiceReplicas> ReplicasAsync(string service, CancellationToken cancellationToken) =>
        Services.TryGetValue(service, out var replicas) ? Task.FromResult(replicas) : throw new InvalidOperationException($"no service {service}");

    public Task<IReadOnlyList<string>> ScaleAsync(string service, int replicas, bool dryRun, CancellationToken cancellationToken) =>
        Change(dryRun, $"scale {service} to {replicas}", () => Services[service] = Services[service] with { Desired = replicas, Ready = replicas });

    public Task<IReadOnlyList<string>> SetFloorAsync(string service, int floor, bool dryRun, CancellationToken cancellationToken) =>
        Change(dryRun, $"floor {service} at {floor}", () => Services[service] = Services[service] with { Floor = floor, Desired = floor, Ready = floor });

    public Task<IReadOnlyList<string>> RestartInstanceAsync(string service, string instance, bool dryRun, CancellationToken cancellationToken) =>
        Change(dryRun, $"restart {instance}", () => { });

    public Task<IReadOnlyList<string>> RollingRestartAsync(string service, int minHealthy, bool dryRun, CancellationToken cancellationToken) =>
        Change(dryRun, $"rolling restart {service}", () => { });

    private Task<IReadOnlyList<string>> Change(bool dryRun, string change, Action apply)
    {
        if (dryRun)
        {
            DryRuns++;
        }
        else
        {
            apply();
            Changes.Add(change);
        }

        return Task.FromResult<IReadOnlyList<string>>([change]);
    }
}
