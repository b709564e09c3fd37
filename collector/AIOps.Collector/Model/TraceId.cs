using System.Buffers.Binary;
using System.Globalization;

namespace AIOps.Collector.Model;

/// <summary>A 16-byte W3C trace id, held as two big-endian halves so it is a cheap key.</summary>
public readonly record struct TraceId(ulong High, ulong Low)
{
    public bool IsEmpty => High == 0 && Low == 0;

    public static TraceId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])) : default;

    public static bool TryParse(string? hex, out TraceId id)
    {
        id = default;
        if (hex is not { Length: 32 }
            || !ulong.TryParse(hex.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !ulong.TryParse(hex.AsSpan(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }

        id = new TraceId(high, low);
        return true;
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    public override string ToString() => string.Create(32, this, static (chars, id) =>
    {
        id.High.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
        id.Low.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
    });
}
