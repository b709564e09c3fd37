namespace AIOps.Travel.Faults;

/// <summary>The faults an instance can be told to suffer; see <see cref="FaultKinds"/> for each intensity's unit.</summary>
public enum FaultKind
{
    Latency,
    Error,
    Cpu,
    Memory,
    ThreadPool,
    ConnectionPool,
    SlowDependency,
    FailingDependency,
    Crash,
}
