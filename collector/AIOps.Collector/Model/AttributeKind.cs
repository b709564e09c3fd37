namespace AIOps.Collector.Model;

/// <summary>The OTLP AnyValue variants: string, bool, int, double, bytes, and arrays or maps.</summary>
public enum AttributeKind : byte
{
    Empty,
    Text,
    Truth,
    Integral,
    Real,

    /// <summary>Bytes, kept base64-encoded.</summary>
    Binary,

    /// <summary>An array or key-value list, kept as its OTLP JSON text.</summary>
    Json,
}
