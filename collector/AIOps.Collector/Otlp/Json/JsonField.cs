namespace AIOps.Collector.Otlp.Json;

/// <summary>One field of an OTLP message: its protobuf number, wire type, and message type when nested.</summary>
internal sealed record JsonField(int Number, FieldType Type, string? MessageType = null);
