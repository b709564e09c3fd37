using AIOps.Analyzer.Analysis;
using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class RateForecastTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 2, 8, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(-3, 1, "08:01:00")]
    [InlineData(0, 1, "08:01:00")]
    [InlineData(2, 1, null)]
    [InlineData(-200, 1, null)]
    public void At_ForecastStartingOffsetMinutes_ThePointWhoseStepHoldsNow(int startMinutes, int stepMinutes, string? expected)
    {
        var forecast = Forecast(s_now.AddSeconds(-30).AddMinutes(startMinutes), stepMinutes, 60);

        var at = RateForecast.At(forecast, s_now);

        (at is null ? null : UiRequest.Clock(at.Time)).Should().Be(expected);
    }

    [Fact]
    public void At_NoForecast_Null() => RateForecast.At(null, s_now).Should().BeNull();

    [Theory]
    [InlineData(60, 20)]
    [InlineData(10, 5)]
    [InlineData(600, 120)]
    public void ChartEnd_ForecastAhead_AThirdOfTheRangeAtLeastFiveMinutesNoFurtherThanItReaches(int rangeMinutes, int aheadMinutes)
    {
        var forecast = Forecast(s_now.AddSeconds(-30), 1, 120);

        RateForecast.ChartEnd(forecast, s_now, TimeSpan.FromMinutes(rangeMinutes)).Should().Be(
            aheadMinutes == 120 ? forecast.Points[^1].Time : s_now.AddMinutes(aheadMinutes));
    }

    [Fact]
    public void ChartEnd_StaleOrNoForecast_Now()
    {
        RateForecast.ChartEnd(Forecast(s_now.AddHours(-5), 1, 60), s_now, TimeSpan.FromHours(1)).Should().Be(s_now);
        RateForecast.ChartEnd(null, s_now, TimeSpan.FromHours(1)).Should().Be(s_now);
    }

    [Fact]
    public void BandAndMean_OnlyThePointsWithinTheChart()
    {
        var forecast = Forecast(s_now.AddSeconds(-30), 1, 120);

        var band = RateForecast.Band(forecast, s_now.AddHours(-1), s_now.AddMinutes(10))!;
        var mean = RateForecast.Mean(forecast, s_now.AddHours(-1), s_now.AddMinutes(10))!;

        band.Name.Should().Be("forecast 95 %");
        band.Points.Should().HaveCount(10).And.OnlyContain(p => p.Lower == 8 && p.Upper == 12);
        mean.Points.Select(p => p.Value).Should().HaveCount(10).And.OnlyContain(v => v == 10);
        RateForecast.Band(forecast, s_now.AddHours(-2), s_now.AddHours(-1)).Should().BeNull();
        RateForecast.Outside(forecast.Points[0], 12.5).Should().BeTrue();
        RateForecast.Outside(forecast.Points[0], 9).Should().BeFalse();
    }

    // Points stand for the step that ends at their time, the first a step after the fit's end.
    private static ServiceForecast Forecast(DateTimeOffset fittedTo, int stepMinutes, int points) => new(
        "hotel",
        fittedTo,
        stepMinutes * 60,
        1,
        100,
        "test",
        [.. Enumerable.Range(1, points).Select(h => new ForecastPoint(fittedTo.AddMinutes(h * stepMinutes), 10, 8, 12))]);
}
