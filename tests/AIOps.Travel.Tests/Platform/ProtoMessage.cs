using System.Text;

namespace AIOps.Travel.Tests.Platform;

/// <summary>
/// A decoded protobuf message as field number to raw values, enough to read OTLP in a test receiver
/// without generated code: varints and fixed values as numbers, length-delimited fields as bytes.
/// </summary>
public sealed class ProtoMessage
{
    private readonly Dictionary<int, List<object>> _fields = [];

    public static ProtoMessage Parse(ReadOnlySpan<byte> data)
    {
        var message = new ProtoMessage();
        var position = 0;
        while (position < data.Length)
        {
            var key = ReadVarint(data, ref position);
            var field = (int)(key >> 3);
            object value = (key & 7) switch
            {
                0 => ReadVarint(data, ref position),
                1 => ReadFixed(data, ref position, 8),
                5 => ReadFixed(data, ref position, 4),
                2 => ReadBytes(data, ref position),
                var wire => throw new InvalidDataException($"unsupported wire type {wire}"),
            };
            if (!message._fields.TryGetValue(field, out var values))
            {
                values = [];
                message._fields[field] = values;
            }

            values.Add(value);
        }

        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int field) => Raw(field).Cast<byte[]>().Select(b => Parse(b));

    public ProtoMessage? Message(int field) => Messages(field).FirstOrDefault();

    public string? Text(int field) => Raw(field).OfType<byte[]>().Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault();

    public byte[]? Bytes(int field) => Raw(field).OfType<byte[]>().FirstOrDefault();

    public ulong Number(int field) => Raw(field).OfType<ulong>().FirstOrDefault();

    /// <summary>OTLP KeyValue list (field holds KeyValue{key=1, value=2 AnyValue}) as strings.</summary>
    public Dictionary<string, string> Attributes(int field)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in Messages(field))
        {
            var value = kv.Message(2);
            result[kv.Text(1) ?? string.Empty] = value is null ? string.Empty
                : value.Text(1) ?? (value.Raw(3).Count > 0 ? ((long)value.Number(3)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : value.Raw(4).Count > 0 ? BitConverter.UInt64BitsToDouble(value.Number(4)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : value.Raw(2).Count > 0 ? (value.Number(2) != 0).ToString() : string.Empty);
        }

        return result;
    }

    private List<object> Raw(int field) => _fields.TryGetValue(field, out var values) ? values : [];

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("varint too long");
    }

    private static ulong ReadFixed(ReadOnlySpan<byte> data, ref int position, int size)
    {
        ulong result = 0;
        for (var i = 0; i < size; i++)
        {
            result |= (ulong)data[position + i] << (8 * i);
        }

        position += size;
        return result;
    }

    private static byte[] ReadBytes(ReadOnlySpan<byte> data, ref int position)
    {
        var length = (int)ReadVarint(data, ref position);
        var bytes = data.Slice(position, length).ToArray();
        position += length;
        return bytes;
    }
}
