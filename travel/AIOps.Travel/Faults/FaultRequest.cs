namespace AIOps.Travel.Faults;

/// <summary>Body of POST /admin/faults.</summary>
/// <param name="Kind">One of <see cref="FaultKinds.Names"/>.</param>
/// <param name="Intensity">The kind's magnitude (see <see cref="FaultKinds.DescribeIntensity"/>).</param>
/// <param name="DurationSeconds">How long the fault lasts; it clears itself afterwards.</param>
/// <param name="JitterMs">Latency only: a uniform random 0..jitter added to each delay.</param>
/// <param name="Dependency">Dependency faults only: the service whose calls are slowed or failed.</param>
public sealed record FaultRequest(string? Kind, double? Intensity, double? DurationSeconds, double? JitterMs = null, string? Dependency = null);
