using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class NaiveFamilyTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Quantile_CommonLevels_MatchTables()
    {
        StandardNormal.Quantile(0.975).Should().BeApproximately(Z95, 1e-9);
        StandardNormal.Quantile(0.95).Should().BeApproximately(1.6448536269514722, 1e-9);
        StandardNormal.Quantile(0.5).Should().BeApproximately(0, 1e-9);
        StandardNormal.Quantile(0.025).Should().BeApproximately(-Z95, 1e-9);
    }

    [Fact]
    public void Naive_LastValue_IntervalWidensWithSquareRootOfStep()
    {
        // One-step errors 1, -1, 1: RMS 1.
        var forecast = new NaiveForecaster().Fit([1, 2, 1, 2], 1, 4, 0.95);

        forecast.Mean.Should().Equal(2, 2, 2, 2);
        forecast.Upper[0].Should().BeApproximately(2 + Z95, 1e-9);
        forecast.Lower[3].Should().BeApproximately(2 - Z95 * 2, 1e-9);
    }

    [Fact]
    public void SeasonalNaive_ValueOnePeriodBack_IntervalWidensPerPeriod()
    {
        // Lag-2 errors 2, 2: RMS 2.
        var forecast = new SeasonalNaiveForecaster().Fit([1, 5, 3, 7], 2, 5, 0.95);

        forecast.Mean.Should().Equal(3, 7, 3, 7, 3);
        forecast.Upper[1].Should().BeApproximately(7 + Z95 * 2, 1e-9);
        forecast.Upper[2].Should().BeApproximately(3 + Z95 * 2 * Math.Sqrt(2), 1e-9);
        forecast.Upper[4].Should().BeApproximately(3 + Z95 * 2 * Math.Sqrt(3), 1e-9);
    }

    [Fact]
    public void Naive2_SeasonalSeries_ReseasonalisesTheLastAdjustedValue()
    {
        // A constant level 10 times indices 0.5 / 1.5: adjusted series is flat, the forecast repeats the pattern.
        var series = Enumerable.Range(0, 40).Select(t => t % 2 == 0 ? 5.0 : 15.0).ToArray();

        var forecast = new Naive2Forecaster().Fit(series, 2, 4, 0.95);

        forecast.Mean.Should().HaveCount(4);
        forecast.Mean[0].Should().BeApproximately(5, 1e-9);
        forecast.Mean[1].Should().BeApproximately(15, 1e-9);
        forecast.Upper[0].Should().BeApproximately(5, 1e-9);
    }

    [Fact]
    public void Naive2_NotSeasonal_EqualsNaive()
    {
        double[] series = [3, 1, 4, 1, 5, 9, 2, 6];

        var naive2 = new Naive2Forecaster().Fit(series, 24, 3, 0.95);
        var naive = new NaiveForecaster().Fit(series, 24, 3, 0.95);

        naive2.Mean.Should().Equal(naive.Mean);
        naive2.Lower.Should().Equal(naive.Lower, (a, b) => Math.Abs(a - b) < 1e-9);
        naive2.Upper.Should().Equal(naive.Upper, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Create_UnknownName_ListsKnownNames() =>
        FluentActions.Invoking(() => ForecasterCatalog.Create("arima")).Should().Throw<ArgumentException>().WithMessage("*naive, naive2, snaive*");
}
