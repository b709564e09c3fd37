namespace AIOps.Remediator.Drivers.Process;

/// <summary>A supervised process as the API and the pages show it.</summary>
public sealed record ManagedProcessInfo(
    string Name,
    string Group,
    int Pid,
    ProcessState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int? ExitCode,
    int Starts,
    string LogPath);
