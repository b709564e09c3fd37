using AIOps.Collector.Storage.Chunks;

namespace AIOps.Collector.Tests.Storage;

public sealed class XorChunkTests
{
    [Theory]
    [InlineData(15_000, 0)]
    [InlineData(10_000, 37)]
    [InlineData(1, 5_000)]
    public void AppendDecode_IrregularSteps_RoundTripsExactly(long step, int jitter)
    {
        var random = new Random(5);
        var chunk = new XorChunk();
        var expected = new List<(long T, double V)>();
        long t = 1_795_000_000_000;
        var v = 12.5;
        for (var i = 0; i < XorChunk.MaxSamples; i++)
        {
            t += step + (jitter == 0 ? 0 : random.Next(-jitter, jitter));
            v = i % 7 == 0 ? v : v + (random.NextDouble() * 3) - 1;
            chunk.Append(t, i == 50 ? double.NaN : i == 60 ? double.PositiveInfinity : v);
            expected.Add((t, i == 50 ? double.NaN : i == 60 ? double.PositiveInfinity : v));
        }

        var decoded = new List<(long T, double V)>();
        XorChunk.Decode(chunk.ToBytes(), decoded);

        decoded.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            decoded[i].T.Should().Be(expected[i].T);
            BitConverter.DoubleToInt64Bits(decoded[i].V).Should().Be(BitConverter.DoubleToInt64Bits(expected[i].V));
        }

        chunk.IsFull.Should().BeTrue();
    }

    [Fact]
    public void Append_RegularScrapeOfACounter_TakesAboutTwoBytesASample()
    {
        var chunk = new XorChunk();
        for (var i = 0; i < XorChunk.MaxSamples; i++)
        {
            chunk.Append(1_795_000_000_000 + (i * 15_000L), 1000 + (i * 3));
        }

        chunk.ToBytes().Length.Should().BeLessThan(XorChunk.MaxSamples * 3);
    }

    [Fact]
    public void Decode_TimeRange_KeepsOnlySamplesInside()
    {
        var chunk = new XorChunk();
        for (var i = 0; i < 10; i++)
        {
            chunk.Append(i * 1000, i);
        }

        var decoded = new List<(long T, double V)>();
        XorChunk.Decode(chunk.ToBytes(), decoded, 3000, 5000);

        decoded.Select(d => d.V).Should().Equal(3, 4, 5);
    }
}
