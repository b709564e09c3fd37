using System.Text;
using System.Text.Json;
using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp;

/// <summary>
/// Decodes OTLP protobuf export requests (the bodies of /v1/traces, /v1/metrics, /v1/logs and of the
/// gRPC Export calls) into the collector's model, straight from the wire format: field numbers as in
/// opentelemetry-proto v1; unknown fields are skipped, as protobuf requires.
/// </summary>
public sealed partial class OtlpProtobufDecoder
{
    private readonly Utf8StringCache _strings = new();

    private TelemetryResource ReadResource(ReadOnlySpan<byte> data)
    {
        var attributes = new List<KeyValue>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                attributes.Add(ReadKeyValue(reader.ReadBytes()));
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return new TelemetryResource(attributes);
    }

    private InstrumentationScope ReadScope(ReadOnlySpan<byte> data)
    {
        string name = string.Empty;
        string? version = null;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    name = _strings.Get(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    version = _strings.Get(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new InstrumentationScope(name, version);
    }

    private KeyValue ReadKeyValue(ReadOnlySpan<byte> data)
    {
        var key = string.Empty;
        var value = default(AttributeValue);
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    key = _strings.Get(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    value = ReadAnyValue(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new KeyValue(key, value);
    }

    private AttributeValue ReadAnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        var value = default(AttributeValue);
        while (reader.Next(out var field, out var wire))
        {
            value = (field, wire) switch
            {
                (1, 2) => AttributeValue.OfText(_strings.Get(reader.ReadBytes())),
                (2, 0) => AttributeValue.OfTruth(reader.ReadVarint() != 0),
                (3, 0) => AttributeValue.OfIntegral((long)reader.ReadVarint()),
                (4, 1) => AttributeValue.OfReal(reader.ReadDouble()),
                (5, 2) or (6, 2) => AttributeValue.OfJson(ToJson(data)),
                (7, 2) => AttributeValue.OfBinary(Convert.ToBase64String(reader.ReadBytes())),
                _ => Skipped(ref reader, wire, value),
            };
            if (value.Kind == AttributeKind.Json)
            {
                break;
            }
        }

        return value;
    }

    private static AttributeValue Skipped(ref ProtoReader reader, int wire, AttributeValue current)
    {
        reader.Skip(wire);
        return current;
    }

    /// <summary>An array or map value as OTLP/JSON would write it (without the wrapping AnyValue).</summary>
    private static string ToJson(ReadOnlySpan<byte> anyValue)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteAnyValue(json, anyValue);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteAnyValue(Utf8JsonWriter json, ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        var written = false;
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    json.WriteStringValue(reader.ReadBytes());
                    written = true;
                    break;
                case (2, 0):
                    json.WriteBooleanValue(reader.ReadVarint() != 0);
                    written = true;
                    break;
                case (3, 0):
                    json.WriteNumberValue((long)reader.ReadVarint());
                    written = true;
                    break;
                case (4, 1):
                    json.WriteNumberValue(reader.ReadDouble());
                    written = true;
                    break;
                case (5, 2):
                    json.WriteStartArray();
                    var items = new ProtoReader(reader.ReadBytes());
                    while (items.Next(out var itemField, out var itemWire))
                    {
                        if (itemField == 1 && itemWire == 2)
                        {
                            WriteAnyValue(json, items.ReadBytes());
                        }
                        else
                        {
                            items.Skip(itemWire);
                        }
                    }

                    json.WriteEndArray();
                    written = true;
                    break;
                case (6, 2):
                    json.WriteStartObject();
                    var pairs = new ProtoReader(reader.ReadBytes());
                    while (pairs.Next(out var pairField, out var pairWire))
                    {
                        if (pairField == 1 && pairWire == 2)
                        {
                            WritePair(json, pairs.ReadBytes());
                        }
                        else
                        {
                            pairs.Skip(pairWire);
                        }
                    }

                    json.WriteEndObject();
                    written = true;
                    break;
                case (7, 2):
                    json.WriteBase64StringValue(reader.ReadBytes());
                    written = true;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (!written)
        {
            json.WriteNullValue();
        }
    }

    private static void WritePair(Utf8JsonWriter json, ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    key = reader.ReadBytes();
                    break;
                case (2, 2):
                    value = reader.ReadBytes();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        json.WritePropertyName(key);
        WriteAnyValue(json, value);
    }
}
