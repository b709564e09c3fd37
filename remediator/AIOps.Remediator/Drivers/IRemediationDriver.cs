namespace AIOps.Remediator.Drivers;

/// <summary>
/// Changes a platform: the local processes of the one-machine demo or a Kubernetes cluster. Every change can first be
/// described exactly (<c>dryRun</c>), and every method fails with an exception naming what the platform answered.
/// </summary>
public interface IRemediationDriver
{
    /// <summary>The platform's name in plans and the audit log: "process" or "kubernetes".</summary>
    string Name { get; }

    Task<ServiceReplicas> ReplicasAsync(string service, CancellationToken cancellationToken);

    /// <summary>Sets the service's replicas; with <paramref name="dryRun"/>, only checks and describes the change.</summary>
    /// <returns>The change, in the platform's own terms (for Kubernetes, the request sent).</returns>
    Task<IReadOnlyList<string>> ScaleAsync(string service, int replicas, bool dryRun, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the replica floor: under an autoscaler, its minimum (raised replicas follow at once, and the autoscaler scales
    /// in by itself when it is lowered); with none, the replicas themselves, up or down to the floor.
    /// </summary>
    Task<IReadOnlyList<string>> SetFloorAsync(string service, int floor, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Restarts one instance: the platform replaces it.</summary>
    Task<IReadOnlyList<string>> RestartInstanceAsync(string service, string instance, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Replaces every instance, one at a time, keeping at least <paramref name="minHealthy"/> ready.</summary>
    Task<IReadOnlyList<string>> RollingRestartAsync(string service, int minHealthy, bool dryRun, CancellationToken cancellationToken);
}
