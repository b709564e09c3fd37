using AIOps.Analyzer.Statistics;

namespace AIOps.Analyzer.Tests.Statistics;

public sealed class RobustLocationTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 100 }, 0.0, 0.0, 3.0, 1.4826)]     // deviations 2, 1, 0, 1, 97: MAD 1, the outlier ignored
    [InlineData(new[] { 4.0, 1, 3, 2 }, 0.0, 0.0, 2.5, 1.4826)]          // unsorted, even: deviations 1.5, 1.5, 0.5, 0.5
    [InlineData(new[] { 10.0, 10, 10 }, 0.05, 0.1, 10.0, 0.5)]           // no spread: 5 % of the median
    [InlineData(new[] { -10.0, -10, -10 }, 0.05, 0.1, -10.0, 0.5)]       // of its magnitude
    [InlineData(new[] { 1.0, 1, 1 }, 0.05, 0.1, 1.0, 0.1)]               // the absolute floor above 5 % of 1
    [InlineData(new double[0], 0.05, 0.1, 0.0, 0.1)]                     // empty: (0, the absolute floor)
    public void Of_Sample_IsItsMedianAndScaledMadAboveTheFloors(double[] values, double relativeFloor, double absoluteFloor, double median, double spread)
    {
        var (m, s) = RobustLocation.Of(values, relativeFloor, absoluteFloor);

        m.Should().BeApproximately(median, 1e-12);
        s.Should().BeApproximately(spread, 1e-12);
    }
}
