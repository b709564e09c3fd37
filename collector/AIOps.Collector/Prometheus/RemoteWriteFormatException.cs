namespace AIOps.Collector.Prometheus;

/// <summary>
/// A remote-write body is not valid snappy or not a valid prometheus.WriteRequest; the message says
/// what was wrong. Answered with 400, which Prometheus does not retry.
/// </summary>
public sealed class RemoteWriteFormatException : Exception
{
    public RemoteWriteFormatException()
    {
    }

    public RemoteWriteFormatException(string message)
        : base(message)
    {
    }

    public RemoteWriteFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
