using System.Diagnostics;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;
using IronSnappy;
using Xunit.Abstractions;

namespace AIOps.Collector.Tests.Prometheus;

public sealed class RemoteWriteDecoderTests(ITestOutputHelper output)
{
    [Fact]
    public void Decode_SeriesAndMetadata_RoundTrip()
    {
        var body = new WriteRequestEncoder()
            .Series("http_requests_total", [("instance", "web-1:9100"), ("job", "web"), ("path", "/a\"b\\c")], (12.5, 1_700_000_000_000), (13, 1_700_000_015_000))
            .Series("temperature_celsius", [("room", "kitchen")], (-3.25, 1_700_000_000_000))
            .Metadata(1, "http_requests_total", "Requests served.", "")
            .Metadata(3, "request_duration_seconds", "Latency.", "seconds")
            .ToSnappy();

        var result = new RemoteWriteDecoder().Decode(body);

        result.Rejected.Should().Be(0);
        var samples = result.Batch.Samples;
        samples.Should().HaveCount(3);
        samples[0].Series.ToString().Should().Be("http_requests_total{instance=\"web-1:9100\",job=\"web\",path=\"/a\\\"b\\\\c\"}");
        samples[0].Series["path"].Should().Be("/a\"b\\c");
        samples[0].Series["__name__"].Should().BeNull("the name is the series name, not a label");
        samples.Select(s => (s.TimestampMs, s.Value)).Should().Equal((1_700_000_000_000, 12.5), (1_700_000_015_000, 13), (1_700_000_000_000, -3.25));
        samples[1].Series.Should().BeSameAs(samples[0].Series);
        samples[2].Series.Should().Be(new SeriesKey("temperature_celsius", [new Label("room", "kitchen")]));
        result.Batch.Metadata.Should().Equal(
            new MetricMetadata("http_requests_total", MetricType.Counter, null, "Requests served."),
            new MetricMetadata("request_duration_seconds", MetricType.Histogram, "seconds", "Latency."));
    }

    [Theory]
    [InlineData(0, MetricType.Unknown)]
    [InlineData(1, MetricType.Counter)]
    [InlineData(2, MetricType.Gauge)]
    [InlineData(3, MetricType.Histogram)]
    [InlineData(4, MetricType.Histogram)]
    [InlineData(5, MetricType.Summary)]
    [InlineData(6, MetricType.Gauge)]
    [InlineData(7, MetricType.Gauge)]
    [InlineData(99, MetricType.Unknown)]
    public void Decode_MetadataType_MapsPrometheusEnum(int wireType, MetricType expected)
    {
        var body = new WriteRequestEncoder().Metadata(wireType, "family", "help", "").ToSnappy();

        new RemoteWriteDecoder().Decode(body).Batch.Metadata.Single().Type.Should().Be(expected);
    }

    [Fact]
    public void Decode_SpecialValuesAndTimestamps_KeptBitForBit()
    {
        var staleness = BitConverter.UInt64BitsToDouble(0x7ff0000000000002);
        var body = new WriteRequestEncoder()
            .Series("x", [], (double.PositiveInfinity, -1), (double.NegativeInfinity, 0), (staleness, long.MaxValue), (double.Epsilon, long.MinValue))
            .ToSnappy();

        var samples = new RemoteWriteDecoder().Decode(body).Batch.Samples;

        samples.Select(s => s.TimestampMs).Should().Equal(-1, 0, long.MaxValue, long.MinValue);
        samples[0].Value.Should().Be(double.PositiveInfinity);
        samples[1].Value.Should().Be(double.NegativeInfinity);
        BitConverter.DoubleToUInt64Bits(samples[2].Value).Should().Be(0x7ff0000000000002, "the staleness marker must survive");
        samples[3].Value.Should().Be(double.Epsilon);
    }

    [Fact]
    public void Decode_SameSeriesInLaterRequest_ReusesTheSeriesKey()
    {
        var decoder = new RemoteWriteDecoder();
        var first = decoder.Decode(new WriteRequestEncoder().Series("up", [("job", "a")], (1, 1)).ToSnappy());
        var second = decoder.Decode(new WriteRequestEncoder().Series("up", [("job", "b")], (1, 2)).Series("up", [("job", "a")], (0, 2)).ToSnappy());

        second.Batch.Samples[1].Series.Should().BeSameAs(first.Batch.Samples[0].Series);
        second.Batch.Samples[0].Series["job"].Should().Be("b");
        decoder.CachedSeriesCount.Should().Be(2);
    }

    [Fact]
    public void Decode_CacheFull_StartsOverAndStillDecodes()
    {
        var decoder = new RemoteWriteDecoder(cachedSeries: 2);
        foreach (var job in new[] { "a", "b", "c", "a" })
        {
            var sample = decoder.Decode(new WriteRequestEncoder().Series("up", [("job", job)], (1, 1)).ToSnappy()).Batch.Samples.Single();
            sample.Series["job"].Should().Be(job);
        }

        decoder.CachedSeriesCount.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Decode_SeriesWithoutName_RejectsItsSamplesAndKeepsTheRest()
    {
        var body = new WriteRequestEncoder()
            .Series(null, [("job", "a")], (1, 1), (2, 2))
            .Series("ok", [], (3, 3))
            .ToSnappy();

        var result = new RemoteWriteDecoder().Decode(body);

        result.Rejected.Should().Be(2);
        result.RejectionReason.Should().Contain("__name__");
        result.Batch.Samples.Should().ContainSingle().Which.Series.Name.Should().Be("ok");
    }

    [Fact]
    public void Decode_LabelsAfterSamplesAndUnknownFields_Decoded()
    {
        var body = new WriteRequestEncoder()
            .RawSeries(s =>
            {
                WriteRequestEncoder.Bytes(s, 1, WriteRequestEncoder.Label("zone", "eu"));
                WriteRequestEncoder.Bytes(s, 2, WriteRequestEncoder.Sample(7, 70));
                WriteRequestEncoder.Bytes(s, 3, [0x0a, 0x00]); // an exemplar
                WriteRequestEncoder.Bytes(s, 1, WriteRequestEncoder.Label("__name__", "split"));
                WriteRequestEncoder.Tag(s, 15, 5); // a fixed32 field from the future
                s.Write([1, 2, 3, 4]);
            })
            .Unknown(4, [0x08, 0x01])
            .ToSnappy();

        var sample = new RemoteWriteDecoder().Decode(body).Batch.Samples.Should().ContainSingle().Subject;

        sample.Series.Should().Be(new SeriesKey("split", [new Label("zone", "eu")]));
        sample.Should().Be(new MetricSample(sample.Series, 70, 7));
    }

    [Fact]
    public void Decode_EmptyRequest_NoSamples()
    {
        var result = new RemoteWriteDecoder().Decode(Snappy.Encode([]));

        result.Batch.Samples.Should().BeEmpty();
        result.Batch.Metadata.Should().BeEmpty();
    }

    public static TheoryData<string, byte[], string> MalformedSnappy => new()
    {
        { "empty body", [], "decoded length" },
        { "unterminated length", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80], "decoded length" },
        { "literal past the end", [0x05, 0x10, 0x01], "malformed snappy" },
        { "copy before the start", [0x0a, 0x0d, 0x01], "malformed snappy" },
        { "length larger than content", [0x40, 0x00, 0x61], "malformed snappy" },
    };

    [Theory]
    [MemberData(nameof(MalformedSnappy))]
    public void Decode_MalformedSnappy_ThrowsWithReason(string why, byte[] body, string reason)
    {
        var decode = () => new RemoteWriteDecoder().Decode(body);

        decode.Should().Throw<RemoteWriteFormatException>(why).WithMessage($"*{reason}*");
    }

    public static TheoryData<string, byte[], string> MalformedProtobuf => new()
    {
        { "truncated varint", [0x0a, 0x85], "truncated varint" },
        { "length past the end", [0x0a, 0x05, 0x12, 0x00], "runs past the end" },
        { "timeseries as a varint", [0x08, 0x01], "timeseries has wire type 0" },
        { "field number zero", [0x02, 0x00], "invalid field number" },
        { "group wire type", [0x0b], "wire type 3" },
        { "sample value as varint", NamedSeries([0x12, 0x02, 0x08, 0x01]), "sample value has wire type 0" },
        { "truncated sample value", NamedSeries([0x12, 0x03, 0x09, 0x00, 0x00]), "truncated fixed64" },
        { "label name as varint", NamedSeries([0x0a, 0x02, 0x08, 0x01]), "label name has wire type 0" },
        { "eleven-byte varint", [0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], "longer than 10 bytes" },
    };

    /// <summary>A WriteRequest with one series named "x" whose remaining fields are <paramref name="fields"/>.</summary>
    private static byte[] NamedSeries(byte[] fields)
    {
        var series = new MemoryStream();
        WriteRequestEncoder.Bytes(series, 1, WriteRequestEncoder.Label("__name__", "x"));
        series.Write(fields);
        var request = new MemoryStream();
        WriteRequestEncoder.Bytes(request, 1, series.ToArray());
        return request.ToArray();
    }

    [Theory]
    [MemberData(nameof(MalformedProtobuf))]
    public void Decode_MalformedProtobuf_ThrowsWithReason(string why, byte[] message, string reason)
    {
        var decode = () => new RemoteWriteDecoder().Decode(Snappy.Encode(message));

        decode.Should().Throw<RemoteWriteFormatException>(why).WithMessage($"*{reason}*");
    }

    [Fact]
    public void Decode_DeclaredSizeOverLimit_ThrowsBeforeDecompressing()
    {
        var body = Snappy.Encode(new byte[4096]);

        var decode = () => new RemoteWriteDecoder().Decode(body, maxDecodedBytes: 1024);

        decode.Should().Throw<RemoteWriteFormatException>().WithMessage("*4096 bytes*limit of 1024*");
        RemoteWriteDecoder.TryReadDecodedLength(body, out var length).Should().BeTrue();
        length.Should().Be(4096);
    }

    [Fact]
    public void Decode_CorruptedBodies_OnlyEverThrowTheFormatException()
    {
        var valid = new WriteRequestEncoder()
            .Series("a_metric", [("job", "j"), ("instance", "i")], (1, 1), (2, 2))
            .Metadata(2, "a_metric", "help", "unit")
            .ToMessage();
        var random = new Random(1234);
        var decoder = new RemoteWriteDecoder();
        var failures = 0;
        for (var i = 0; i < 5000; i++)
        {
            var message = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                message[random.Next(message.Length)] = (byte)random.Next(256);
            }

            var compressed = Snappy.Encode(message);
            if (i % 2 == 1)
            {
                compressed[random.Next(compressed.Length)] = (byte)random.Next(256);
            }

            try
            {
                decoder.Decode(compressed);
            }
            catch (RemoteWriteFormatException)
            {
                failures++;
            }
        }

        failures.Should().BeGreaterThan(0, "some corruptions must be detected");
    }

    [Fact]
    public void Decode_WarmSeries_SustainsHundredsOfThousandsOfSamplesPerSecond()
    {
        // 2,000 series of a node-exporter-like shape, one sample each: a large Prometheus request.
        var encoder = new WriteRequestEncoder();
        for (var i = 0; i < 2000; i++)
        {
            encoder.Series("node_cpu_seconds_total", [("cpu", (i % 64).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("instance", $"node-{i / 64}:9100"), ("job", "node"), ("mode", "user")], (i * 1.5, 1_700_000_000_000 + i));
        }

        var body = encoder.ToSnappy();
        var message = encoder.ToMessage();
        var decoder = new RemoteWriteDecoder();
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromMilliseconds(300);)
        {
            decoder.Decode(body);
        }

        var samples = 0L;
        var timer = Stopwatch.StartNew();
        while (timer.Elapsed < TimeSpan.FromSeconds(1))
        {
            samples += decoder.Decode(body).Batch.Samples.Count;
        }

        var perSecond = samples / timer.Elapsed.TotalSeconds;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var decoded = decoder.DecodeRequest(message).Batch.Samples.Count;
        var bytesPerSample = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)decoded;
        output.WriteLine($"RemoteWriteDecoder: {perSecond:N0} samples/s on one thread (snappy included); {bytesPerSample:N1} bytes allocated per sample after decompression");

        perSecond.Should().BeGreaterThan(300_000);
        bytesPerSample.Should().BeLessThan(32, "a known series costs nothing beyond its 24-byte sample in the list");
    }
}
