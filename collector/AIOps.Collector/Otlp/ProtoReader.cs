using System.Buffers.Binary;

namespace AIOps.Collector.Otlp;

/// <summary>
/// Reads the protobuf wire format from a span of bytes without allocating: tags, varints, fixed
/// values and length-delimited fields. Malformed input (truncated, over-long varints, wire types
/// protobuf does not have) throws <see cref="OtlpFormatException"/>.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads the next field's number and wire type; false at the end.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        var key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        if (field <= 0)
        {
            throw new OtlpFormatException($"invalid field number {field} at byte {_position}");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new OtlpFormatException("truncated varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new OtlpFormatException("varint longer than 10 bytes");
    }

    public ulong ReadFixed64()
    {
        Require(8);
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return value;
    }

    public uint ReadFixed32()
    {
        Require(4);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new OtlpFormatException($"field length {length} runs past the end of the message");
        }

        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    /// <summary>Skips a field this decoder does not use (forward compatibility, as protobuf requires).</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Require(8);
                _position += 8;
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                Require(4);
                _position += 4;
                break;
            default:
                throw new OtlpFormatException($"unsupported wire type {wireType}");
        }
    }

    /// <summary>Checks that a field has the wire type its schema declares.</summary>
    public static void Expect(int wireType, int expected, string field)
    {
        if (wireType != expected)
        {
            throw new OtlpFormatException($"{field} has wire type {wireType}, expected {expected}");
        }
    }

    private readonly void Require(int bytes)
    {
        if (_data.Length - _position < bytes)
        {
            throw new OtlpFormatException("truncated fixed-width field");
        }
    }
}
