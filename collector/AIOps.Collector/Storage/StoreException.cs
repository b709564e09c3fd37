namespace AIOps.Collector.Storage;

/// <summary>The store could not read or write (a disk or database error, not bad input).</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
