using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class SeasonalityTestTests
{
    [Fact]
    public void IsSeasonal_RepeatingPattern_True()
    {
        var series = Enumerable.Range(0, 48).Select(t => 10.0 + (t % 4 == 0 ? 5 : 0)).ToArray();

        SeasonalityTest.IsSeasonal(series, 4).Should().BeTrue();
    }

    [Fact]
    public void IsSeasonal_AlternatingSignsAtOddLag_False()
    {
        // Period 3 on a period-2 pattern: r_3 = -(n-3)/n is large, but r_1 and r_2 are too, so the limit is high.
        var series = Enumerable.Range(0, 12).Select(t => t % 2 == 0 ? 1.0 : -1.0).ToArray();
        var r = SeasonalityTest.AutoCorrelations(series, 3);

        r[1].Should().BeApproximately(-11.0 / 12, 1e-12);
        r[2].Should().BeApproximately(10.0 / 12, 1e-12);
        r[3].Should().BeApproximately(-9.0 / 12, 1e-12);
        // limit = 1.645 sqrt((1 + 2 (121 + 100) / 144) / 12) = 0.9526 > 0.75.
        SeasonalityTest.IsSeasonal(series, 3).Should().BeFalse();
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(24, 71)]
    public void IsSeasonal_PeriodOneOrShorterThanThreePeriods_False(int period, int length)
    {
        var series = Enumerable.Range(0, length).Select(t => (double)(t % 24)).ToArray();

        SeasonalityTest.IsSeasonal(series, period).Should().BeFalse();
    }
}
