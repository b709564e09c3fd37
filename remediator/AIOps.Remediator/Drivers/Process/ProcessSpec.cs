namespace AIOps.Remediator.Drivers.Process;

/// <summary>How to start one supervised process.</summary>
/// <param name="Name">Unique name, e.g. hotel-2.</param>
/// <param name="Group">What it is an instance of, e.g. hotel: scaling counts members of a group.</param>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments, passed without a shell.</param>
/// <param name="LogPath">Where its standard output and error go (appended).</param>
/// <param name="Environment">Extra environment variables.</param>
public sealed record ProcessSpec(string Name, string Group, string FileName, IReadOnlyList<string> Arguments, string LogPath, IReadOnlyDictionary<string, string>? Environment = null);
