namespace AIOps.Collector.Model;

/// <summary>OTLP span kinds, same numbers.</summary>
public enum SpanKind : byte
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
