namespace AIOps.Collector.Aggregation;

/// <summary>Requests, errors and durations of one service operation in one 10-second window.</summary>
public sealed class RedWindow(long windowStartUnixNano, string service, string operation) : CallWindow(windowStartUnixNano)
{
    public string Service { get; } = service;

    public string Operation { get; } = operation;
}
