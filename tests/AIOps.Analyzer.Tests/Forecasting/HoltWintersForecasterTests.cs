using AIOps.Analyzer.Forecasting;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class HoltWintersForecasterTests
{
    [Fact]
    public void Fit_DailySeasonWithTrend_ForecastsTheNextDayClosely()
    {
        var random = new Random(9);
        double Truth(int t) => 100 + (0.05 * t) + (20 * Math.Sin(2 * Math.PI * t / 24));
        var history = Enumerable.Range(0, 24 * 21).Select(t => Truth(t) + ((random.NextDouble() - 0.5) * 2)).ToList();

        var forecast = new HoltWintersForecaster().Fit(history, 24, 24, 0.95);

        var errors = Enumerable.Range(0, 24).Select(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).ToList();
        errors.Average().Should().BeLessThan(2.5);
        Enumerable.Range(0, 24).Should().OnlyContain(h => forecast.Lower[h] < forecast.Mean[h] && forecast.Upper[h] > forecast.Mean[h]);
        (forecast.Upper[23] - forecast.Lower[23]).Should().BeGreaterThanOrEqualTo(forecast.Upper[0] - forecast.Lower[0], "uncertainty grows with the horizon");
    }

    [Fact]
    public void Fit_IntervalCoverage_IsAboutNominalOnNoise()
    {
        var random = new Random(10);
        var hits = 0;
        var total = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var series = Enumerable.Range(0, 24 * 10 + 24).Select(t => 50 + (10 * Math.Sin(2 * Math.PI * t / 24)) + (SeededNoise.Gaussian(random) * 3)).ToList();
            var forecast = new HoltWintersForecaster().Fit(series.Take(240).ToList(), 24, 24, 0.95);
            for (var h = 0; h < 24; h++)
            {
                total++;
                hits += series[240 + h] >= forecast.Lower[h] && series[240 + h] <= forecast.Upper[h] ? 1 : 0;
            }
        }

        ((double)hits / total).Should().BeInRange(0.85, 1.0);
    }
}
