using AIOps.Analyzer.Forecasting;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class AdditiveModelForecasterTests
{
    [Fact]
    public void Fit_TrendChangeWithDailyAndWeeklySeasons_ForecastsTheNextTwoDaysClosely()
    {
        var random = new Random(21);
        double Truth(int t) => 100 + (0.05 * t) + (0.1 * Math.Max(0, t - 300))
            + (20 * Math.Sin(2 * Math.PI * t / 24)) + (10 * Math.Cos(2 * Math.PI * t / 168));
        var history = Enumerable.Range(0, 24 * 28).Select(t => Truth(t) + (SeededNoise.Gaussian(random) * 2)).ToList();

        var forecast = new AdditiveModelForecaster().Fit(history, 24, 48, 0.95);

        Enumerable.Range(0, 48).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).Average().Should().BeLessThan(1.5);
        Enumerable.Range(0, 48).Should().OnlyContain(h => forecast.Lower[h] < forecast.Mean[h] && forecast.Upper[h] > forecast.Mean[h]);
        (forecast.Upper[47] - forecast.Lower[47]).Should().BeGreaterThanOrEqualTo(forecast.Upper[0] - forecast.Lower[0], "the trend's uncertainty grows");
    }

    [Theory]
    [InlineData(1.0, -0.5)]
    [InlineData(0.2, 1.5)]
    public void Fit_SlopeChange_ContinuesTheNewSlope(double before, double after)
    {
        var random = new Random(22);
        double Truth(int t) => 500 + (before * Math.Min(t, 200)) + (after * Math.Max(0, t - 200));
        var history = Enumerable.Range(0, 480).Select(t => Truth(t) + SeededNoise.Gaussian(random)).ToList();

        var forecast = new AdditiveModelForecaster(new AdditiveModelOptions { Mode = AdditiveModelMode.Additive }).Fit(history, 24, 48, 0.95);

        var slope = (forecast.Mean[47] - forecast.Mean[0]) / 47;
        slope.Should().BeApproximately(after, 0.05);
        Enumerable.Range(0, 48).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).Max().Should().BeLessThan(3);
    }

    [Fact]
    public void Fit_KnownFutureEvent_RaisesTheForecastInItsWindow()
    {
        var random = new Random(23);
        EventWindow[] events = [new(60, 4), new(230, 4), new(400, 5), new(520, 4)];
        double Truth(int t) => 200 + (40 * Math.Sin(2 * Math.PI * t / 24)) + (events.Any(e => t >= e.Start && t < e.Start + e.Length) ? 150 : 0);
        var history = Enumerable.Range(0, 504).Select(t => Truth(t) + (SeededNoise.Gaussian(random) * 4)).ToList();
        var model = new AdditiveModelForecaster();

        var withEvents = model.Fit(history, 24, 24, 0.95, events);
        var without = model.Fit(history, 24, 24, 0.95);

        double WindowError(Forecast f) => Enumerable.Range(16, 4).Select(h => Math.Abs(f.Mean[h] - Truth(504 + h))).Average();
        WindowError(withEvents).Should().BeLessThan(15);
        WindowError(without).Should().BeGreaterThan(5 * WindowError(withEvents));
        Enumerable.Range(16, 4).Should().OnlyContain(h => withEvents.Mean[h] > without.Mean[h] + 100);
        Enumerable.Range(0, 12).Select(h => Math.Abs(withEvents.Mean[h] - Truth(504 + h))).Average().Should().BeLessThan(6, "the event's effect stays in its window");
    }

    [Fact]
    public void Fit_IntervalCoverage_IsAboutNominalOnNoise()
    {
        var random = new Random(24);
        var hits = 0;
        var total = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var series = Enumerable.Range(0, 24 * 10 + 24).Select(t => 50 + (10 * Math.Sin(2 * Math.PI * t / 24)) + (SeededNoise.Gaussian(random) * 3)).ToList();
            var forecast = new AdditiveModelForecaster().Fit(series.Take(240).ToList(), 24, 24, 0.95);
            for (var h = 0; h < 24; h++)
            {
                total++;
                hits += series[240 + h] >= forecast.Lower[h] && series[240 + h] <= forecast.Upper[h] ? 1 : 0;
            }
        }

        ((double)hits / total).Should().BeInRange(0.85, 1.0);
    }

    [Fact]
    public void Fit_SeriesNeverNegative_ClipsTheForecastAtZero()
    {
        var random = new Random(25);
        var history = Enumerable.Range(0, 240).Select(t => Math.Max(0, 3 - (0.012 * t) + random.NextDouble())).ToList();

        var forecast = new AdditiveModelForecaster().Fit(history, 24, 240, 0.95);

        forecast.Mean.Concat(forecast.Lower).Should().OnlyContain(v => v >= 0);
        forecast.Lower.Should().Contain(0, "the declining trend reaches zero");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 24)]
    [InlineData(50, 24)]
    [InlineData(400, 1)]
    public void Fit_ShortOrUnseasonalHistory_ForecastsFiniteValues(int length, int period)
    {
        var history = Enumerable.Range(0, length).Select(t => 10 + (t % 5) + (0.1 * t)).ToList();

        var forecast = new AdditiveModelForecaster().Fit(history, period, 24, 0.9);

        forecast.Mean.Concat(forecast.Lower).Concat(forecast.Upper).Should().OnlyContain(v => double.IsFinite(v));
        Enumerable.Range(0, 24).Should().OnlyContain(h => forecast.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= forecast.Upper[h]);
    }

    [Fact]
    public void Fit_ConstantSeries_ForecastsTheConstant()
    {
        var history = Enumerable.Repeat(42.0, 24 * 15).ToList();

        var forecast = new AdditiveModelForecaster().Fit(history, 24, 48, 0.95);

        forecast.Mean.Should().OnlyContain(v => Math.Abs(v - 42) < 1e-6);
        forecast.Upper.Should().OnlyContain(v => double.IsFinite(v) && v >= 42 - 1e-6);
    }

    [Theory]
    [InlineData(nameof(AdditiveModelOptions.ChangePoints))]
    [InlineData(nameof(AdditiveModelOptions.ChangePointRange))]
    [InlineData(nameof(AdditiveModelOptions.ChangePointPriorScale))]
    [InlineData(nameof(AdditiveModelOptions.SeasonalityPriorScale))]
    [InlineData(nameof(AdditiveModelOptions.DailyOrder))]
    [InlineData(nameof(AdditiveModelOptions.EventDecaySteps))]
    public void Constructor_InvalidOption_NamesIt(string option)
    {
        var options = option switch
        {
            nameof(AdditiveModelOptions.ChangePoints) => new AdditiveModelOptions { ChangePoints = -1 },
            nameof(AdditiveModelOptions.ChangePointRange) => new AdditiveModelOptions { ChangePointRange = 0 },
            nameof(AdditiveModelOptions.ChangePointPriorScale) => new AdditiveModelOptions { ChangePointPriorScale = 0 },
            nameof(AdditiveModelOptions.SeasonalityPriorScale) => new AdditiveModelOptions { SeasonalityPriorScale = double.NaN },
            nameof(AdditiveModelOptions.DailyOrder) => new AdditiveModelOptions { DailyOrder = -2 },
            _ => new AdditiveModelOptions { EventDecaySteps = -1 },
        };

        var create = () => new AdditiveModelForecaster(options);

        create.Should().Throw<ArgumentException>().WithMessage($"*{option}*");
    }
}
