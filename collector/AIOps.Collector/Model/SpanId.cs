using System.Buffers.Binary;
using System.Globalization;

namespace AIOps.Collector.Model;

/// <summary>An 8-byte span id; zero means none (a root span has no parent).</summary>
public readonly record struct SpanId(ulong Value)
{
    public bool IsEmpty => Value == 0;

    public static SpanId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 8 ? new(BinaryPrimitives.ReadUInt64BigEndian(bytes)) : default;

    public static bool TryParse(string? hex, out SpanId id)
    {
        id = default;
        if (hex is not { Length: 16 } || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = new SpanId(value);
        return true;
    }

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
