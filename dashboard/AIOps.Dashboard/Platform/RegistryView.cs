namespace AIOps.Dashboard.Platform;

/// <summary>The registry's content, or why it could not be read.</summary>
public sealed record RegistryView(bool Reachable, string? Error, IReadOnlyList<PlatformInstance> Instances);
