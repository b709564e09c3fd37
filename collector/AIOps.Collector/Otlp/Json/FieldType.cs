namespace AIOps.Collector.Otlp.Json;

/// <summary>How a JSON field is written on the protobuf wire.</summary>
internal enum FieldType : byte
{
    Message,
    String,

    /// <summary>Trace and span ids: hex in OTLP/JSON, bytes on the wire.</summary>
    HexBytes,

    /// <summary>Other bytes: base64 in JSON.</summary>
    Base64Bytes,
    Bool,
    Int64,
    UInt32,
    Enum,
    SInt32,
    Fixed64,
    SFixed64,
    Fixed32,
    Double,
    PackedFixed64,
    PackedDouble,
    PackedUInt64,

    /// <summary>Exemplars and the like: accepted and dropped.</summary>
    Skip,
}
