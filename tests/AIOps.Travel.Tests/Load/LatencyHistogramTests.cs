using AIOps.Travel.Load;

namespace AIOps.Travel.Tests.Load;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_UniformOneToThousandMs_WithinOnePercent()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(ms);
        }

        histogram.Count.Should().Be(1000);
        histogram.Percentile(0.5).Should().BeApproximately(500, 5);
        histogram.Percentile(0.99).Should().BeApproximately(990, 10);
        histogram.Percentile(1).Should().Be(1000);
        histogram.MeanMs.Should().BeApproximately(500.5, 0.001);
    }

    [Fact]
    public void Percentile_Empty_IsZero() => new LatencyHistogram().Percentile(0.99).Should().Be(0);
}
