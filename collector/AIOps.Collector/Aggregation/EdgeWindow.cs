namespace AIOps.Collector.Aggregation;

/// <summary>Calls from one service to another in one 10-second window, as seen by the callee.</summary>
public sealed class EdgeWindow(long windowStartUnixNano, string caller, string callee) : CallWindow(windowStartUnixNano)
{
    public string Caller { get; } = caller;

    public string Callee { get; } = callee;
}
