using System.Numerics;

namespace AIOps.Collector.Storage.Chunks;

/// <summary>
/// A series' samples compressed as time-series databases do (Gorilla, as in Prometheus): timestamps as
/// delta-of-delta in variable-width buckets, values as XOR with the previous value storing only the
/// meaningful bits. Regular scrapes of slowly changing values take one or two bytes per sample.
/// Appending is single-threaded per chunk.
/// </summary>
internal sealed class XorChunk
{
    public const int MaxSamples = 120;

    private readonly BitWriter _bits = new();
    private long _lastT;
    private long _lastDelta;
    private ulong _lastValue;
    private int _leading = int.MaxValue;
    private int _trailing;

    public int Count { get; private set; }

    public long MinT { get; private set; }

    public long MaxT => _lastT;

    public bool IsFull => Count >= MaxSamples;

    public void Append(long t, double v)
    {
        var bits = BitConverter.DoubleToUInt64Bits(v);
        if (Count == 0)
        {
            MinT = t;
            _bits.Write((ulong)t, 64);
            _bits.Write(bits, 64);
        }
        else if (Count == 1)
        {
            _lastDelta = t - _lastT;
            WriteSigned(_lastDelta);
            WriteValue(bits);
        }
        else
        {
            var delta = t - _lastT;
            var dod = delta - _lastDelta;
            _lastDelta = delta;
            switch (dod)
            {
                case 0:
                    _bits.WriteBit(false);
                    break;
                case >= -64 and <= 63:
                    _bits.Write(0b10, 2);
                    _bits.Write((ulong)dod & 0x7F, 7);
                    break;
                case >= -256 and <= 255:
                    _bits.Write(0b110, 3);
                    _bits.Write((ulong)dod & 0x1FF, 9);
                    break;
                case >= -2048 and <= 2047:
                    _bits.Write(0b1110, 4);
                    _bits.Write((ulong)dod & 0xFFF, 12);
                    break;
                default:
                    _bits.Write(0b1111, 4);
                    _bits.Write((ulong)dod, 64);
                    break;
            }

            WriteValue(bits);
        }

        _lastT = t;
        _lastValue = bits;
        Count++;
    }

    /// <summary>[count varint-free: 2 bytes][bits].</summary>
    public byte[] ToBytes()
    {
        var payload = _bits.ToArray();
        var bytes = new byte[payload.Length + 2];
        bytes[0] = (byte)(Count >> 8);
        bytes[1] = (byte)Count;
        payload.CopyTo(bytes, 2);
        return bytes;
    }

    public static void Decode(ReadOnlySpan<byte> bytes, List<(long T, double V)> into, long fromT = long.MinValue, long toT = long.MaxValue)
    {
        var count = (bytes[0] << 8) | bytes[1];
        var reader = new BitReader(bytes[2..]);
        long t = 0, delta = 0;
        ulong value = 0;
        int leading = 0, meaningful = 0;
        for (var i = 0; i < count; i++)
        {
            if (i == 0)
            {
                t = (long)reader.Read(64);
                value = reader.Read(64);
            }
            else
            {
                if (i == 1)
                {
                    delta = ReadSigned(ref reader);
                }
                else
                {
                    delta += ReadDeltaOfDelta(ref reader);
                }

                t += delta;
                if (reader.ReadBit())
                {
                    if (reader.ReadBit())
                    {
                        leading = (int)reader.Read(5);
                        meaningful = (int)reader.Read(6);
                        if (meaningful == 0)
                        {
                            meaningful = 64;
                        }
                    }

                    var xor = reader.Read(meaningful) << (64 - leading - meaningful);
                    value ^= xor;
                }
            }

            if (t >= fromT && t <= toT)
            {
                into.Add((t, BitConverter.UInt64BitsToDouble(value)));
            }
        }
    }

    private void WriteSigned(long value)
    {
        // Deltas up to ~34 years in ms fit: zigzag in 8-bit length-prefixed groups.
        var zigzag = (ulong)((value << 1) ^ (value >> 63));
        var bytes = zigzag == 0 ? 0 : (64 - BitOperations.LeadingZeroCount(zigzag) + 7) / 8;
        _bits.Write((ulong)bytes, 4);
        _bits.Write(zigzag, bytes * 8);
    }

    private static long ReadSigned(ref BitReader reader)
    {
        var bytes = (int)reader.Read(4);
        var zigzag = reader.Read(bytes * 8);
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    private static long ReadDeltaOfDelta(ref BitReader reader)
    {
        if (!reader.ReadBit())
        {
            return 0;
        }

        var (width, size) = !reader.ReadBit() ? (7, 7) : !reader.ReadBit() ? (9, 9) : !reader.ReadBit() ? (12, 12) : (64, 64);
        var raw = reader.Read(size);
        if (width == 64)
        {
            return (long)raw;
        }

        // Sign-extend the two's complement field.
        var shift = 64 - width;
        return (long)(raw << shift) >> shift;
    }

    private void WriteValue(ulong bits)
    {
        var xor = bits ^ _lastValue;
        if (xor == 0)
        {
            _bits.WriteBit(false);
            return;
        }

        _bits.WriteBit(true);
        var leading = Math.Min(BitOperations.LeadingZeroCount(xor), 31);
        var trailing = BitOperations.TrailingZeroCount(xor);
        if (_leading != int.MaxValue && leading >= _leading && trailing >= _trailing)
        {
            _bits.WriteBit(false);
            _bits.Write(xor >> _trailing, 64 - _leading - _trailing);
            return;
        }

        _leading = leading;
        _trailing = trailing;
        var meaningful = 64 - leading - trailing;
        _bits.WriteBit(true);
        _bits.Write((ulong)leading, 5);
        _bits.Write((ulong)(meaningful == 64 ? 0 : meaningful), 6);
        _bits.Write(xor >> trailing, meaningful);
    }
}
