using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AIOps.Collector.Model;

namespace AIOps.Collector.Storage.Blocks;

/// <summary>Reads a block written by <see cref="BlockWriter"/>.</summary>
internal sealed class BlockReader
{
    private readonly byte[] _data;
    private readonly string[] _table;
    private int _position;

    public BlockReader(ReadOnlySpan<byte> compressed)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(compressed);
        _data = new byte[length];
        if (!BrotliDecoder.TryDecompress(compressed[4..], _data, out var written) || written != length)
        {
            throw new StoreException("corrupt block: decompression failed");
        }

        var count = (int)Varint();
        _table = new string[count];
        for (var i = 0; i < count; i++)
        {
            var size = (int)Varint();
            _table[i] = Encoding.UTF8.GetString(_data, _position, size);
            _position += size;
        }
    }

    public bool End => _position >= _data.Length;

    public ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
    }

    public long Signed()
    {
        var raw = Varint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ulong Fixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(_position));
        _position += 8;
        return value;
    }

    public byte Byte() => _data[_position++];

    public string? String()
    {
        var index = (int)Varint();
        return index == 0 ? null : _table[index - 1];
    }

    public string Text() => String() ?? string.Empty;

    public IReadOnlyList<KeyValue> Attributes()
    {
        var count = (int)Varint();
        if (count == 0)
        {
            return [];
        }

        var attributes = new KeyValue[count];
        for (var i = 0; i < count; i++)
        {
            attributes[i] = new KeyValue(Text(), Value());
        }

        return attributes;
    }

    public AttributeValue Value()
    {
        var kind = (AttributeKind)Byte();
        return kind switch
        {
            AttributeKind.Text or AttributeKind.Binary or AttributeKind.Json => new AttributeValue(kind, String(), 0, 0),
            AttributeKind.Truth or AttributeKind.Integral => new AttributeValue(kind, null, Signed(), 0),
            AttributeKind.Real => new AttributeValue(kind, null, 0, BitConverter.UInt64BitsToDouble(Fixed64())),
            _ => default,
        };
    }
}
