namespace AIOps.Collector.Model;

/// <summary>OTLP status codes, same numbers.</summary>
public enum SpanStatus : byte
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
