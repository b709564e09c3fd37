namespace AIOps.Analyzer.Signals;

/// <summary>What a monitored series measures.</summary>
public enum Indicator
{
    /// <summary>Requests per second served (entry spans).</summary>
    RequestRate,

    /// <summary>The share of requests that failed.</summary>
    ErrorRate,

    /// <summary>The 95th percentile of request duration, in milliseconds.</summary>
    LatencyP95,

    /// <summary>The 99th percentile of request duration, in milliseconds.</summary>
    LatencyP99,

    /// <summary>CPU in use, in cores, summed over the service's instances.</summary>
    Cpu,

    /// <summary>The largest working set of the service's instances, in bytes.</summary>
    Memory,

    /// <summary>Work items waiting in the thread pool, largest over the service's instances.</summary>
    ThreadPoolQueue,
}
