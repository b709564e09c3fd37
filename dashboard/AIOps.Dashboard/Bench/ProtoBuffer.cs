using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AIOps.Dashboard.Bench;

/// <summary>A small protobuf writer for the benchmark's payloads (fields, nested messages by length prefix).</summary>
internal sealed class ProtoBuffer
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Span => _buffer.WrittenSpan;

    public ProtoBuffer Varint(int field, ulong value)
    {
        Tag(field, 0);
        WriteVarint(value);
        return this;
    }

    public ProtoBuffer Fixed64(int field, ulong value)
    {
        Tag(field, 1);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public ProtoBuffer Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    public ProtoBuffer Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>Writes a bytes field and returns where its payload starts (to patch ids in place later).</summary>
    public int BytesAt(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        var at = _buffer.WrittenCount;
        _buffer.Write(value);
        return at;
    }

    public ProtoBuffer String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoBuffer Message(int field, ProtoBuffer message) => Bytes(field, message.Span);

    /// <summary>An OTLP KeyValue with a string value.</summary>
    public ProtoBuffer Attribute(int field, string key, string value) =>
        Message(field, new ProtoBuffer().String(1, key).Message(2, new ProtoBuffer().String(1, value)));

    /// <summary>An OTLP KeyValue with an int value.</summary>
    public ProtoBuffer Attribute(int field, string key, long value) =>
        Message(field, new ProtoBuffer().String(1, key).Message(2, new ProtoBuffer().Varint(3, (ulong)value)));

    /// <summary>Appends bytes that are already encoded fields.</summary>
    public ProtoBuffer Raw(ReadOnlySpan<byte> fields)
    {
        _buffer.Write(fields);
        return this;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void Tag(int field, int wire) => WriteVarint((ulong)((field << 3) | wire));

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
