namespace AIOps.Travel.Faults;

/// <summary>Names on the wire and the meaning of each kind's intensity.</summary>
public static class FaultKinds
{
    private static readonly (FaultKind Kind, string Name, string Intensity)[] s_kinds =
    [
        (FaultKind.Latency, "latency", "milliseconds added to every request (jitterMs adds 0..jitter at random)"),
        (FaultKind.Error, "error", "fraction of requests answered 500, 0 to 1"),
        (FaultKind.Cpu, "cpu", "fraction of all cores kept busy, 0 to 1"),
        (FaultKind.Memory, "memory", "megabytes leaked per second, up to 512"),
        (FaultKind.ThreadPool, "thread-pool", "thread-pool threads blocked (the pool is capped at that many meanwhile), 1 to 1024"),
        (FaultKind.ConnectionPool, "connection-pool", "fraction of the outgoing connection pool leaked, 0 to 1"),
        (FaultKind.SlowDependency, "slow-dependency", "milliseconds added to each call to the dependency"),
        (FaultKind.FailingDependency, "failing-dependency", "fraction of calls to the dependency that fail, 0 to 1"),
        (FaultKind.Crash, "crash", "ignored: the process is killed at once"),
    ];

    public static IEnumerable<string> Names => s_kinds.Select(k => k.Name);

    public static bool TryParse(string? name, out FaultKind kind)
    {
        foreach (var entry in s_kinds)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string ToName(FaultKind kind) => s_kinds.First(k => k.Kind == kind).Name;

    public static string DescribeIntensity(FaultKind kind) => s_kinds.First(k => k.Kind == kind).Intensity;
}
