using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class SlidingWindowTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(7, 30)]
    [InlineData(120, 500)]
    [InlineData(121, 121)]
    public void MedianAndScale_EqualsSortingTheLastValues(int capacity, int added)
    {
        var random = new Random(capacity + added);
        var window = new SlidingWindow(capacity);
        var all = new List<double>();
        for (var i = 0; i < added; i++)
        {
            // Repeated values as well as distinct ones, as latencies rounded to the microsecond have.
            var value = random.Next(4) == 0 ? 5.0 : Math.Round(random.NextDouble() * 20, 1);
            window.Add(value);
            all.Add(value);

            var last = all.TakeLast(capacity).Order().ToArray();
            var median = Median(last);
            var mad = Median([.. last.Select(x => Math.Abs(x - median)).Order()]);
            var (m, s) = window.MedianAndScale();
            m.Should().Be(median);
            s.Should().BeApproximately(1.4826 * mad, 1e-12);
        }
    }

    [Fact]
    public void MedianAndScale_Empty_IsNaN() => new SlidingWindow(3).MedianAndScale().Median.Should().Be(double.NaN);

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
