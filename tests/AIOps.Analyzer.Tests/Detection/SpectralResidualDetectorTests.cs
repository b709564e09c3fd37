using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class SpectralResidualDetectorTests
{
    [Fact]
    public void Update_SpikeOnANoisySlowCycle_IsTheMostSalientPoint()
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 400).Select(i => 10 + (3 * Math.Sin(2 * Math.PI * i / 200)) + (random.NextDouble() * 0.5)).ToArray();
        values[300] += 3;
        var detector = new SpectralResidualDetector();

        var saliency = values.Select((v, i) => { detector.Update(i * 60_000L, v); return detector.Saliency; }).ToArray();

        Array.IndexOf(saliency, saliency.Max()).Should().Be(300);
        saliency.Take(290).Skip(100).Max().Should().BeLessThan(saliency[300] / 2);
    }

    [Fact]
    public void Update_BeforeTheWindowFills_ScoresZero()
    {
        var detector = new SpectralResidualDetector();

        Enumerable.Range(0, 58).Select(i => detector.Update(i, i % 7)).Should().OnlyContain(s => s == 0);
    }

    [Fact]
    public void Constructor_SizeNotAPowerOfTwo_Throws()
    {
        var create = () => new SpectralResidualDetector(60);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
