using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class BacktestSelectorTests
{
    [Fact]
    public void Fit_WeekdayWeekendPattern_ChoosesAWeeklyModel()
    {
        var random = new Random(4);
        double Truth(int t) => ((t / 24 % 7) >= 5 ? 20 : 100) + (30 * Math.Sin(2 * Math.PI * t / 24));
        var history = Enumerable.Range(0, 24 * 28).Select(t => Truth(t) + random.NextDouble()).ToList();
        var selector = BacktestSelector.CreateDefault();

        var forecast = selector.Fit(history, 24, 48, 0.95);

        selector.LastChoice.Should().Be("weekly-naive");
        Enumerable.Range(0, 48).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).Average().Should().BeLessThan(2);
    }

    [Fact]
    public void Fit_SmoothDailyTrend_PrefersAModelOfTheTrendOverNaiveLags()
    {
        var random = new Random(5);
        double Truth(int t) => 100 + (0.5 * t) + (20 * Math.Sin(2 * Math.PI * t / 24));
        var history = Enumerable.Range(0, 24 * 21).Select(t => Truth(t) + random.NextDouble()).ToList();
        var selector = BacktestSelector.CreateDefault();

        selector.Fit(history, 24, 24, 0.95);

        selector.LastChoice.Should().BeOneOf(["holt-winters", "ssa"], "every naive lag misses a trend that climbs 12 per day");
    }

    [Fact]
    public void Fit_TooShortToBacktest_UsesTheFirstCandidate()
    {
        var history = Enumerable.Range(0, 30).Select(t => (double)t).ToList();
        var selector = BacktestSelector.CreateDefault();

        var forecast = selector.Fit(history, 24, 24, 0.95);

        forecast.Mean.Should().Equal(new SeasonalNaiveForecaster().Fit(history, 24, 24, 0.95).Mean);
    }
}
