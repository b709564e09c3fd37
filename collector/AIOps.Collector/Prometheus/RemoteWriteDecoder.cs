using AIOps.Collector.Model;
using AIOps.Collector.Otlp;
using IronSnappy;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Decodes Prometheus remote-write 1.0 bodies (a snappy block-compressed prometheus.WriteRequest)
/// straight from the wire format into a <see cref="MetricBatch"/>: the __name__ label becomes the
/// series name, the other labels stay labels, metadata keeps type, unit and help. Exemplars, native
/// histograms and unknown fields are skipped. Series seen before are looked up by their encoded
/// labels, so a steady sender costs no allocation per sample beyond the sample list. Thread-safe.
/// </summary>
public sealed partial class RemoteWriteDecoder
{
    /// <summary>The largest decompressed WriteRequest accepted unless the caller says otherwise.</summary>
    public const int DefaultMaxDecodedBytes = 128 * 1024 * 1024;

    private readonly SeriesKeyCache _series;
    private readonly Utf8StringCache _strings = new();

    public RemoteWriteDecoder()
        : this(SeriesKeyCache.DefaultCapacity)
    {
    }

    internal RemoteWriteDecoder(int cachedSeries) => _series = new SeriesKeyCache(cachedSeries);

    internal int CachedSeriesCount => _series.Count;

    /// <summary>
    /// The decompressed size a snappy block declares in its leading varint, read before decompressing
    /// so that a small body cannot claim gigabytes.
    /// </summary>
    public static bool TryReadDecodedLength(ReadOnlySpan<byte> compressed, out long length)
    {
        length = 0;
        for (var i = 0; i < 5 && i < compressed.Length; i++)
        {
            var b = compressed[i];
            length |= (long)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                return length <= uint.MaxValue;
            }
        }

        length = 0;
        return false;
    }

    /// <summary>Decompresses and decodes a remote-write body; samples of unnamed series are counted as rejected.</summary>
    /// <exception cref="RemoteWriteFormatException">Not valid snappy, too large, or not a valid WriteRequest.</exception>
    public DecodeResult<MetricBatch> Decode(ReadOnlySpan<byte> compressed, int maxDecodedBytes = DefaultMaxDecodedBytes)
    {
        if (!TryReadDecodedLength(compressed, out var length))
        {
            throw new RemoteWriteFormatException("malformed snappy: the block does not start with its decoded length");
        }

        if (length > maxDecodedBytes)
        {
            throw new RemoteWriteFormatException($"the body decompresses to {length} bytes, more than the limit of {maxDecodedBytes}");
        }

        byte[] message;
        try
        {
            message = Snappy.Decode(compressed);
        }
        catch (IOException e)
        {
            throw new RemoteWriteFormatException("malformed snappy: " + e.Message, e);
        }
        catch (IndexOutOfRangeException e)
        {
            throw new RemoteWriteFormatException("malformed snappy: a copy refers outside the block", e);
        }

        return DecodeRequest(message);
    }

    /// <summary>Decodes an uncompressed WriteRequest message.</summary>
    /// <exception cref="RemoteWriteFormatException">Not a valid WriteRequest.</exception>
    public DecodeResult<MetricBatch> DecodeRequest(ReadOnlySpan<byte> message)
    {
        // Senders put one sample per series in most requests: size the list by the series count.
        var samples = new List<MetricSample>(CountSeries(message));
        List<MetricMetadata>? metadata = null;
        var rejected = 0;
        string? reason = null;
        var reader = new RemoteWriteReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    RemoteWriteReader.Expect(wire, 2, "timeseries");
                    ReadTimeSeries(reader.ReadBytes(), samples, ref rejected, ref reason);
                    break;
                case 3:
                    RemoteWriteReader.Expect(wire, 2, "metadata");
                    if (ReadMetadata(reader.ReadBytes()) is { } family)
                    {
                        (metadata ??= []).Add(family);
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new DecodeResult<MetricBatch>(new MetricBatch(samples, metadata ?? []), rejected, reason);
    }

    private static int CountSeries(ReadOnlySpan<byte> message)
    {
        var count = 0;
        var reader = new RemoteWriteReader(message);
        while (reader.Next(out var field, out var wire))
        {
            count += field == 1 ? 1 : 0;
            reader.Skip(wire);
        }

        return count;
    }
}
