using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AIOps.Collector.Model;

namespace AIOps.Collector.Storage.Blocks;

/// <summary>
/// Writes a block: varints, fixed values and strings through a per-block string table (names, keys and
/// services repeat), then compresses the whole with Brotli at its fastest quality. The block layout is
/// [varint string count][strings][body]; the body is what the span and log codecs write.
/// </summary>
internal sealed class BlockWriter
{
    private readonly ArrayBufferWriter<byte> _body = new(64 * 1024);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];

    public void Varint(ulong value) => Wire.Varint.Write(_body, value);

    public void Signed(long value) => Varint((ulong)((value << 1) ^ (value >> 63)));

    public void Fixed64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_body.GetSpan(8), value);
        _body.Advance(8);
    }

    public void Byte(byte value)
    {
        _body.GetSpan(1)[0] = value;
        _body.Advance(1);
    }

    /// <summary>A string as its index in the block's table; null is 0, others are index + 1.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Varint(0);
            return;
        }

        if (!_strings.TryGetValue(value, out var index))
        {
            index = _table.Count;
            _table.Add(value);
            _strings[value] = index;
        }

        Varint((ulong)index + 1);
    }

    public void Attributes(IReadOnlyList<KeyValue> attributes)
    {
        Varint((ulong)attributes.Count);
        foreach (var attribute in attributes)
        {
            String(attribute.Key);
            Value(attribute.Value);
        }
    }

    public void Value(AttributeValue value)
    {
        Byte((byte)value.Kind);
        switch (value.Kind)
        {
            case AttributeKind.Text or AttributeKind.Binary or AttributeKind.Json:
                String(value.Text);
                break;
            case AttributeKind.Truth or AttributeKind.Integral:
                Signed(value.Integral);
                break;
            case AttributeKind.Real:
                Fixed64(BitConverter.DoubleToUInt64Bits(value.Real));
                break;
        }
    }

    /// <summary>The finished block, compressed.</summary>
    public byte[] ToCompressed()
    {
        var table = new ArrayBufferWriter<byte>(_table.Count * 16 + 16);
        Wire.Varint.Write(table, (ulong)_table.Count);
        foreach (var text in _table)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            Wire.Varint.Write(table, (ulong)length);
            Encoding.UTF8.GetBytes(text, table.GetSpan(length));
            table.Advance(length);
        }

        var raw = new byte[table.WrittenCount + _body.WrittenCount];
        table.WrittenSpan.CopyTo(raw);
        _body.WrittenSpan.CopyTo(raw.AsSpan(table.WrittenCount));
        var output = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(raw.Length) + 4);
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(output, raw.Length);
            if (!BrotliEncoder.TryCompress(raw, output.AsSpan(4), out var written, quality: 1, window: 22))
            {
                throw new StoreException("block compression failed");
            }

            return output.AsSpan(0, written + 4).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }
}
