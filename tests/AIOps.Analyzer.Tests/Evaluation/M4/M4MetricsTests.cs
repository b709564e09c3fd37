using AIOps.Analyzer.Evaluation.M4;
using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Evaluation.M4;

public sealed class M4MetricsTests
{
    [Theory]
    [InlineData("naive", 43.003, 11.608)]
    [InlineData("snaive", 13.912, 1.193)]
    [InlineData("naive2", 18.383, 2.395)]
    public void Run_HourlyBenchmarks_ReproducePublishedSmapeAndMase(string name, double smape, double mase)
    {
        var result = M4Evaluation.Run(M4Data.Hourly, ForecasterCatalog.Create(name));

        result.Model.Smape.Should().BeApproximately(smape, 0.001);
        result.Model.Mase.Should().BeApproximately(mase, 0.001);
        result.Naive2.Owa.Should().BeApproximately(1.0, 1e-12);
        result.SeasonalNaive.Owa.Should().BeApproximately(0.627, 0.001);
    }

    [Fact]
    public void Run_Naive_ReproducesPublishedNaiveMsis()
    {
        var result = M4Evaluation.Run(M4Data.Hourly, new NaiveForecaster());

        result.Model.Msis.Should().BeApproximately(71.245, 0.001);
    }

    [Fact]
    public void LoadHourly_SharedData_Has414SeriesOfHorizon48()
    {
        var data = M4Data.Hourly;

        data.Series.Should().HaveCount(414);
        data.Series.Should().OnlyContain(s => s.Test.Count == 48 && (s.Train.Count == 700 || s.Train.Count == 960));
        data.Period.Should().Be(24);
    }

    [Theory]
    [InlineData(new[] { 100.0, 100 }, new[] { 100.0, 100 }, 0)]
    [InlineData(new[] { 100.0, 100 }, new[] { 50.0, 150 }, 53.333333333333)] // (200/2)(50/150 + 50/250)
    [InlineData(new[] { 1.0 }, new[] { 0.0 }, 200)]
    [InlineData(new[] { 0.0 }, new[] { 0.0 }, 0)]
    public void Smape_LiteralSeries_MatchesHandComputed(double[] actual, double[] forecast, double expected) =>
        M4Metrics.Smape(actual, forecast).Should().BeApproximately(expected, 1e-9);

    [Fact]
    public void Mase_PeriodTwo_ScalesBySeasonalNaiveInSampleError()
    {
        // Seasonal differences at lag 2: |3-1|, |4-2|, |7-3| -> scale 8/3; mean error (1 + 3)/2 = 2.
        double[] train = [1, 2, 3, 4, 7];
        M4Metrics.SeasonalScale(train, 2).Should().BeApproximately(8.0 / 3, 1e-12);
        M4Metrics.Mase(train, [10, 10], [9, 13], 2).Should().BeApproximately(2 / (8.0 / 3), 1e-12);
    }

    [Fact]
    public void Msis_MissesAboveAndBelow_AddPenaltyOfTwoOverAlpha()
    {
        // Scale (lag 1) = 1. Widths 2 + 2 + 2 = 6; misses: 1 below (y=0, L=1) and 2 above (y=5, U=3): 40 * 3 = 120.
        double[] train = [1, 2, 3, 4];
        var msis = M4Metrics.Msis(train, [2, 0, 5], [1, 1, 1], [3, 3, 3], 1, 0.05);

        msis.Should().BeApproximately((6 + 120) / 3.0, 1e-9);
    }

    [Fact]
    public void Owa_RelativeToNaive2_AveragesTheTwoRatios() =>
        M4Metrics.Owa(10, 1, 20, 4).Should().BeApproximately((0.5 + 0.25) / 2, 1e-12);
}
