using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Chaos;

/// <summary>
/// The faults the chaos evaluation injects, where each means something on the travel platform, and how hard. Crash
/// is left out: the demo does not restart a crashed instance, so every later case would run on a smaller platform.
/// </summary>
public static class ChaosCatalog
{
    public const string Latency = "latency";
    public const string Error = "error";
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string ThreadPool = "thread-pool";
    public const string ConnectionPool = "connection-pool";
    public const string SlowDependency = "slow-dependency";
    public const string FailingDependency = "failing-dependency";

    /// <summary>CPU burnt by a cpu fault over all of a service's instances, in cores: twice the analysis' threshold.</summary>
    public const double CpuCores = 1.0;

    /// <summary>The kinds, in the order cases are planned before shuffling.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Latency, Error, Cpu, Memory, ThreadPool, ConnectionPool, SlowDependency, FailingDependency];

    // Who calls whom (the README's booking flow); notification sends its mail to smtp.
    private static readonly Dictionary<string, string[]> s_dependencies = new(StringComparer.Ordinal)
    {
        ["gateway"] = ["hotel", "flight", "promotion", "order"],
        ["promotion"] = ["hotel", "flight"],
        ["order"] = ["user", "promotion", "hotel", "flight", "payment"],
        ["notification"] = ["smtp"],
    };

    public static IReadOnlyList<string> Services => DemoOptions.Services;

    /// <summary>What <paramref name="service"/> calls; empty for the services at the bottom of the graph.</summary>
    public static IReadOnlyList<string> DependenciesOf(string service) => s_dependencies.TryGetValue(service, out var calls) ? calls : [];

    /// <summary>Whether a fault of <paramref name="kind"/> on <paramref name="service"/> changes what the platform does.</summary>
    public static bool Applies(string service, string kind) => kind switch
    {
        // Latency and error faults act on the requests a service serves; notification serves none of the load's (it consumes the queue).
        Latency or Error => Services.Contains(service) && service != "notification",
        Cpu or Memory or ThreadPool => Services.Contains(service),

        // The outgoing connection pool is the HTTP client's; notification's smtp is no HTTP call.
        ConnectionPool => DependenciesOf(service).Any(d => Services.Contains(d)),
        SlowDependency or FailingDependency => DependenciesOf(service).Count > 0,
        _ => false,
    };

    /// <summary>
    /// The fault each of a service's <paramref name="instances"/> gets for <paramref name="chaosCase"/>. A cpu fault is
    /// shared out so that the whole service burns <see cref="CpuCores"/>, however many replicas it runs.
    /// </summary>
    public static InstanceFault FaultFor(ChaosCase chaosCase, int instances, int processorCount)
    {
        ArgumentNullException.ThrowIfNull(chaosCase);
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        var intensity = chaosCase.Kind switch
        {
            Latency or SlowDependency => 300,
            Error => 0.3,
            Cpu => Math.Min(1.0, CpuCores / (instances * processorCount)),
            Memory => 10,
            ThreadPool => 32,
            ConnectionPool => 1.0,
            FailingDependency => 0.5,
            _ => throw new ArgumentException($"unknown fault kind {chaosCase.Kind}", nameof(chaosCase)),
        };
        return new InstanceFault(chaosCase.Kind, intensity, chaosCase.FaultDuration.TotalSeconds, chaosCase.Dependency);
    }
}
