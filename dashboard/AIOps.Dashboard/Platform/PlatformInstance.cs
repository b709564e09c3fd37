namespace AIOps.Dashboard.Platform;

/// <summary>A replica registered in the travel platform's registry.</summary>
public sealed record PlatformInstance(string Service, string InstanceId, string Address, string Version, int Weight, int Pid);
