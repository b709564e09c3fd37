namespace AIOps.Collector.Otlp;

/// <summary>The request body is not a valid OTLP message; the message says where it went wrong.</summary>
public sealed class OtlpFormatException : Exception
{
    public OtlpFormatException()
    {
    }

    public OtlpFormatException(string message)
        : base(message)
    {
    }

    public OtlpFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
