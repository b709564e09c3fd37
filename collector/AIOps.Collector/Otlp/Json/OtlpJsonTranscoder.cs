using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AIOps.Collector.Otlp.Json;

/// <summary>
/// Turns an OTLP/JSON request into the same request in protobuf, so that one decoder serves both
/// encodings. Follows the OTLP/JSON rules: lowerCamelCase names (snake_case accepted too), trace and
/// span ids in hex, enums as integers, 64-bit integers as numbers or strings, unknown fields ignored.
/// Errors name the JSON path of the offending value.
/// </summary>
public static class OtlpJsonTranscoder
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    public static byte[] ToProtobuf(ReadOnlyMemory<byte> json, string requestMessage)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            throw new OtlpFormatException($"invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OtlpFormatException("the body must be a JSON object");
            }

            var output = new ArrayBufferWriter<byte>(json.Length);
            WriteMessage(output, document.RootElement, requestMessage, "$");
            return output.WrittenSpan.ToArray();
        }
    }

    private static void WriteMessage(ArrayBufferWriter<byte> output, JsonElement element, string message, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new OtlpFormatException($"{path}: expected an object");
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = OtlpJsonSchema.Field(message, property.Name);
            if (field is null || field.Type == FieldType.Skip || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var fieldPath = path + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Array && field.Type is not (FieldType.PackedDouble or FieldType.PackedFixed64 or FieldType.PackedUInt64))
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    WriteField(output, field, item, $"{fieldPath}[{index++}]");
                }
            }
            else
            {
                WriteField(output, field, property.Value, fieldPath);
            }
        }
    }

    private static void WriteField(ArrayBufferWriter<byte> output, JsonField field, JsonElement value, string path)
    {
        switch (field.Type)
        {
            case FieldType.Message:
                var nested = new ArrayBufferWriter<byte>();
                WriteMessage(nested, value, field.MessageType!, path);
                WriteTag(output, field.Number, 2);
                WriteVarint(output, (ulong)nested.WrittenCount);
                output.Write(nested.WrittenSpan);
                break;
            case FieldType.String:
                WriteLengthDelimited(output, field.Number, Encoding.UTF8.GetBytes(Text(value, path)));
                break;
            case FieldType.HexBytes:
                WriteLengthDelimited(output, field.Number, Hex(value, path));
                break;
            case FieldType.Base64Bytes:
                WriteLengthDelimited(output, field.Number, Base64(value, path));
                break;
            case FieldType.Bool:
                WriteTag(output, field.Number, 0);
                WriteVarint(output, value.ValueKind switch
                {
                    JsonValueKind.True => 1UL,
                    JsonValueKind.False => 0UL,
                    _ => throw new OtlpFormatException($"{path}: expected true or false"),
                });
                break;
            case FieldType.Int64:
            case FieldType.Enum:
            case FieldType.UInt32:
                WriteTag(output, field.Number, 0);
                WriteVarint(output, (ulong)Integer(value, path));
                break;
            case FieldType.SInt32:
                var signed = Integer(value, path);
                WriteTag(output, field.Number, 0);
                WriteVarint(output, (ulong)((signed << 1) ^ (signed >> 63)));
                break;
            case FieldType.Fixed64:
            case FieldType.SFixed64:
                WriteTag(output, field.Number, 1);
                WriteFixed64(output, (ulong)Integer(value, path));
                break;
            case FieldType.Fixed32:
                WriteTag(output, field.Number, 5);
                BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), (uint)Integer(value, path));
                output.Advance(4);
                break;
            case FieldType.Double:
                WriteTag(output, field.Number, 1);
                WriteFixed64(output, BitConverter.DoubleToUInt64Bits(Number(value, path)));
                break;
            case FieldType.PackedDouble or FieldType.PackedFixed64 or FieldType.PackedUInt64:
                WritePacked(output, field, value, path);
                break;
        }
    }

    private static void WritePacked(ArrayBufferWriter<byte> output, JsonField field, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new OtlpFormatException($"{path}: expected an array");
        }

        var packed = new ArrayBufferWriter<byte>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            switch (field.Type)
            {
                case FieldType.PackedDouble:
                    WriteFixed64(packed, BitConverter.DoubleToUInt64Bits(Number(item, itemPath)));
                    break;
                case FieldType.PackedFixed64:
                    WriteFixed64(packed, (ulong)Integer(item, itemPath));
                    break;
                default:
                    WriteVarint(packed, (ulong)Integer(item, itemPath));
                    break;
            }
        }

        WriteLengthDelimited(output, field.Number, packed.WrittenSpan);
    }

    private static string Text(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new OtlpFormatException($"{path}: expected a string");

    private static byte[] Hex(JsonElement value, string path)
    {
        var text = Text(value, path);
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new OtlpFormatException($"{path}: '{text}' is not hex (OTLP/JSON ids are hex strings)");
        }
    }

    private static byte[] Base64(JsonElement value, string path)
    {
        var text = Text(value, path);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new OtlpFormatException($"{path}: '{text}' is not base64");
        }
    }

    private static long Integer(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var n))
            {
                return n;
            }

            if (value.TryGetUInt64(out var u))
            {
                return (long)u;
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                return (long)u;
            }
        }

        throw new OtlpFormatException($"{path}: expected an integer (enums are integers in OTLP/JSON)");
    }

    private static double Number(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new OtlpFormatException($"{path}: expected a number"),
        },
        _ => throw new OtlpFormatException($"{path}: expected a number"),
    };

    private static void WriteLengthDelimited(ArrayBufferWriter<byte> output, int number, ReadOnlySpan<byte> bytes)
    {
        WriteTag(output, number, 2);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteTag(ArrayBufferWriter<byte> output, int number, int wire) => WriteVarint(output, (ulong)((number << 3) | wire));

    private static void WriteFixed64(ArrayBufferWriter<byte> output, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }
}
