namespace AIOps.Remediator.Drivers;

/// <summary>A service's replicas as its platform reports them.</summary>
/// <param name="Desired">The replicas asked for.</param>
/// <param name="Ready">The replicas ready to serve.</param>
/// <param name="Instances">The instances (pods or processes) by name.</param>
/// <param name="Floor">The autoscaler's minimum, when one manages the service.</param>
/// <param name="NotReady">The instances known not to be ready (crashed, starting, failing their probe).</param>
/// <param name="Max">The most replicas the platform can run of the service (the demo's gateway: one, on its fixed port).</param>
public sealed record ServiceReplicas(int Desired, int Ready, IReadOnlyList<string> Instances, int? Floor = null, IReadOnlyList<string>? NotReady = null, int? Max = null)
{
    /// <summary>The most replicas an action may ask for: its own maximum, within the platform's.</summary>
    public int Ceiling(int actionMax) => Math.Min(actionMax, Max ?? int.MaxValue);
}
