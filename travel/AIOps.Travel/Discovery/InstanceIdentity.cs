namespace AIOps.Travel.Discovery;

/// <summary>Who this process is: its service, instance id and, once Kestrel has bound, its address.</summary>
internal sealed class InstanceIdentity(string service, string instanceId, string version, int weight)
{
    public string Service { get; } = service;

    public string InstanceId { get; } = instanceId;

    public string Version { get; } = version;

    public int Weight { get; } = weight;

    public string? Address { get; set; }

    public static string NewInstanceId(string service) =>
        $"{service}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
