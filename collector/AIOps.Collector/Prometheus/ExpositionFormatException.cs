namespace AIOps.Collector.Prometheus;

/// <summary>A scraped page is not valid Prometheus text exposition; the message names the line.</summary>
public sealed class ExpositionFormatException : Exception
{
    public ExpositionFormatException()
    {
    }

    public ExpositionFormatException(string message)
        : base(message)
    {
    }

    public ExpositionFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ExpositionFormatException(int lineNumber, string reason)
        : base($"line {lineNumber}: {reason}")
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>1-based number of the offending line; 0 when not known.</summary>
    public int LineNumber { get; }

    public string? Reason { get; }
}
