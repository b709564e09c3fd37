namespace AIOps.Dashboard.Demo;

/// <summary>A fault as a travel instance's admin API takes it (POST /admin/faults); it ends by itself after its duration.</summary>
/// <param name="Kind">The travel platform's name of the kind: latency, error, cpu, memory, thread-pool, ...</param>
/// <param name="Intensity">The kind's magnitude, in the kind's unit (milliseconds, a fraction, megabytes per second, threads).</param>
/// <param name="DurationSeconds">How long the fault lasts.</param>
/// <param name="Dependency">Dependency faults only: the called service (or smtp).</param>
public sealed record InstanceFault(string Kind, double Intensity, double DurationSeconds, string? Dependency = null);
