using System.Buffers;

namespace AIOps.Collector.Wire;

/// <summary>Unsigned LEB128 varints, as protobuf and the store's own formats write them.</summary>
public static class Varint
{
    public static void Write(IBufferWriter<byte> writer, ulong value)
    {
        var span = writer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        writer.Advance(i);
    }

    /// <summary>Reads a varint at <paramref name="position"/> and moves past it (the data is trusted: written by this code).</summary>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
    }
}
