using System.Buffers.Binary;
using System.Text;
using IronSnappy;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>
/// Writes prometheus.WriteRequest messages by hand, as Prometheus' remote-write client lays them out
/// (labels first, sorted, then samples), with hooks for the unusual layouts a decoder must survive.
/// </summary>
internal sealed class WriteRequestEncoder
{
    private readonly MemoryStream _message = new();

    public WriteRequestEncoder Series(string? name, (string Name, string Value)[] labels, params (double Value, long TimestampMs)[] samples)
    {
        var series = new MemoryStream();
        if (name is not null)
        {
            Bytes(series, 1, Label("__name__", name));
        }

        foreach (var (labelName, value) in labels)
        {
            Bytes(series, 1, Label(labelName, value));
        }

        foreach (var sample in samples)
        {
            Bytes(series, 2, Sample(sample.Value, sample.TimestampMs));
        }

        Bytes(_message, 1, series.ToArray());
        return this;
    }

    /// <summary>A TimeSeries whose fields are given as they are (any order, unknown fields included).</summary>
    public WriteRequestEncoder RawSeries(Action<MemoryStream> write)
    {
        var series = new MemoryStream();
        write(series);
        Bytes(_message, 1, series.ToArray());
        return this;
    }

    public WriteRequestEncoder Metadata(int type, string family, string help, string unit)
    {
        var metadata = new MemoryStream();
        Tag(metadata, 1, 0);
        Varint(metadata, (ulong)type);
        Bytes(metadata, 2, Encoding.UTF8.GetBytes(family));
        Bytes(metadata, 4, Encoding.UTF8.GetBytes(help));
        Bytes(metadata, 5, Encoding.UTF8.GetBytes(unit));
        Bytes(_message, 3, metadata.ToArray());
        return this;
    }

    /// <summary>A field the decoder does not know, at the top level of the request.</summary>
    public WriteRequestEncoder Unknown(int field, byte[] payload)
    {
        Bytes(_message, field, payload);
        return this;
    }

    public byte[] ToMessage() => _message.ToArray();

    public byte[] ToSnappy() => Snappy.Encode(ToMessage());

    public static byte[] Label(string name, string value)
    {
        var label = new MemoryStream();
        Bytes(label, 1, Encoding.UTF8.GetBytes(name));
        Bytes(label, 2, Encoding.UTF8.GetBytes(value));
        return label.ToArray();
    }

    public static byte[] Sample(double value, long timestampMs)
    {
        var sample = new MemoryStream();
        Tag(sample, 1, 1);
        Span<byte> bits = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bits, BitConverter.DoubleToUInt64Bits(value));
        sample.Write(bits);
        Tag(sample, 2, 0);
        Varint(sample, (ulong)timestampMs);
        return sample.ToArray();
    }

    public static void Bytes(Stream stream, int field, byte[] payload)
    {
        Tag(stream, field, 2);
        Varint(stream, (ulong)payload.Length);
        stream.Write(payload);
    }

    public static void Tag(Stream stream, int field, int wireType) => Varint(stream, ((ulong)field << 3) | (uint)wireType);

    public static void Varint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
