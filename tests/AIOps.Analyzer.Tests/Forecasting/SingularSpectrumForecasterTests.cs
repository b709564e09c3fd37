using AIOps.Analyzer.Forecasting;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class SingularSpectrumForecasterTests
{
    [Fact]
    public void Fit_TrendAndTwoHarmonics_ForecastsTheNextDayClosely()
    {
        var random = new Random(3);
        double Truth(int t) => 100 + (0.04 * t) + (20 * Math.Sin(2 * Math.PI * t / 24)) + (6 * Math.Cos(4 * Math.PI * t / 24));
        var history = Enumerable.Range(0, 24 * 28).Select(t => Truth(t) + SeededNoise.Gaussian(random)).ToList();

        var forecast = new SingularSpectrumForecaster().Fit(history, 24, 24, 0.95);

        var errors = Enumerable.Range(0, 24).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).ToList();
        errors.Average().Should().BeLessThan(2.0);
        var seasonalNaive = new SeasonalNaiveForecaster().Fit(history, 24, 24, 0.95);
        var naiveErrors = Enumerable.Range(0, 24).Select(h => Math.Abs(seasonalNaive.Mean[h] - Truth(history.Count + h))).ToList();
        errors.Average().Should().BeLessThan(naiveErrors.Average(), "the reconstruction removes the noise a naive copy repeats");
    }

    [Fact]
    public void Fit_SeasonGrowingWithLevel_FollowsTheMultiplicativeShape()
    {
        var random = new Random(4);
        double Truth(int t) => (50 + t) * (1 + (0.5 * Math.Sin(2 * Math.PI * t / 24)));
        var history = Enumerable.Range(0, 24 * 21).Select(t => Truth(t) * (1 + (0.01 * SeededNoise.Gaussian(random)))).ToList();

        var forecast = new SingularSpectrumForecaster().Fit(history, 24, 24, 0.95);

        var relative = Enumerable.Range(0, 24).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h)) / Truth(history.Count + h)).ToList();
        relative.Average().Should().BeLessThan(0.05);
    }

    [Fact]
    public void Fit_IntervalCoverage_IsAboutNominal()
    {
        var random = new Random(5);
        var hits = 0;
        var total = 0;
        for (var trial = 0; trial < 30; trial++)
        {
            var series = Enumerable.Range(0, (24 * 14) + 24).Select(t => 50 + (10 * Math.Sin(2 * Math.PI * t / 24)) + (3 * SeededNoise.Gaussian(random))).ToList();
            var forecast = new SingularSpectrumForecaster().Fit(series.Take(24 * 14).ToList(), 24, 24, 0.95);
            for (var h = 0; h < 24; h++)
            {
                total++;
                hits += series[(24 * 14) + h] >= forecast.Lower[h] && series[(24 * 14) + h] <= forecast.Upper[h] ? 1 : 0;
            }
        }

        ((double)hits / total).Should().BeInRange(0.85, 1.0);
    }

    [Fact]
    public void Fit_NonNegativeSeriesFallingFast_NeverForecastsBelowZero()
    {
        var history = Enumerable.Range(0, 24 * 10).Select(t => Math.Max(0, 300 - (1.2 * t) + (10 * Math.Sin(2 * Math.PI * t / 24)))).ToList();

        var forecast = new SingularSpectrumForecaster().Fit(history, 24, 48, 0.95);

        forecast.Lower.Should().OnlyContain(x => x >= 0);
        forecast.Mean.Should().OnlyContain(x => double.IsFinite(x) && x >= 0);
    }

    [Fact]
    public void Fit_ShortHistory_FallsBackToASeasonalForecast()
    {
        var history = Enumerable.Range(0, 30).Select(t => 10.0 + (t % 24)).ToList();

        var forecast = new SingularSpectrumForecaster().Fit(history, 24, 24, 0.95);

        forecast.Mean.Should().HaveCount(24).And.OnlyContain(x => double.IsFinite(x));
    }
}
