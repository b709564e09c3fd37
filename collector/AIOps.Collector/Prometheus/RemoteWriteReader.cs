using System.Buffers.Binary;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Reads the protobuf wire format of a WriteRequest from a span, without allocating: tags, varints,
/// fixed64 and length-delimited fields, with the position exposed so that a series' label bytes can
/// serve as its cache key. Malformed input throws <see cref="RemoteWriteFormatException"/>.
/// </summary>
internal ref struct RemoteWriteReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    /// <summary>Reads the next field's number and wire type; false at the end.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        // One-byte tags (fields 1 to 15) are all a WriteRequest has: skip the general varint loop.
        ulong key = _data[_position];
        if (key < 0x80)
        {
            _position++;
        }
        else
        {
            key = ReadVarint();
        }

        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        if (field <= 0 || key >> 3 > int.MaxValue)
        {
            throw new RemoteWriteFormatException($"malformed protobuf: invalid field number at byte {_position}");
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
                throw new RemoteWriteFormatException("malformed protobuf: truncated varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new RemoteWriteFormatException("malformed protobuf: varint longer than 10 bytes");
    }

    public double ReadDouble()
    {
        if (_data.Length - _position < 8)
        {
            throw new RemoteWriteFormatException("malformed protobuf: truncated fixed64");
        }

        var bits = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return BitConverter.UInt64BitsToDouble(bits);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new RemoteWriteFormatException($"malformed protobuf: field length {length} runs past the end of its message");
        }

        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    /// <summary>Skips a field the decoder does not use (exemplars, native histograms, future fields).</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new RemoteWriteFormatException($"malformed protobuf: unsupported wire type {wireType}");
        }
    }

    /// <summary>Checks that a field has the wire type its schema declares.</summary>
    public static void Expect(int wireType, int expected, string field)
    {
        if (wireType != expected)
        {
            throw new RemoteWriteFormatException($"malformed protobuf: {field} has wire type {wireType}, expected {expected}");
        }
    }

    private void Advance(int bytes)
    {
        if (_data.Length - _position < bytes)
        {
            throw new RemoteWriteFormatException("malformed protobuf: truncated fixed-width field");
        }

        _position += bytes;
    }
}
