namespace AIOps.Travel.Faults;

/// <summary>No outgoing connection became free within the pool's timeout.</summary>
public sealed class ConnectionPoolExhaustedException : Exception
{
    public ConnectionPoolExhaustedException()
    {
    }

    public ConnectionPoolExhaustedException(int size)
        : base($"outgoing connection pool exhausted: all {size} connections busy for {OutboundConnectionPool.AcquireTimeout.TotalSeconds:0}s")
    {
    }

    public ConnectionPoolExhaustedException(string message)
        : base(message)
    {
    }

    public ConnectionPoolExhaustedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
