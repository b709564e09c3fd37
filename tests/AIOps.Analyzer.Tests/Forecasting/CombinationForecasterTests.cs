using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class CombinationForecasterTests
{
    [Fact]
    public void Fit_TwoMembers_AveragesTheirMeansAndBounds()
    {
        var history = Enumerable.Range(0, 24 * 7).Select(t => 10.0 + (t % 24) + (0.1 * t)).ToList();
        var naive = new NaiveForecaster().Fit(history, 24, 12, 0.95);
        var seasonal = new SeasonalNaiveForecaster().Fit(history, 24, 12, 0.95);

        var combined = new CombinationForecaster("pair", [() => new NaiveForecaster(), () => new SeasonalNaiveForecaster()]).Fit(history, 24, 12, 0.95);

        for (var h = 0; h < 12; h++)
        {
            combined.Mean[h].Should().BeApproximately((naive.Mean[h] + seasonal.Mean[h]) / 2, 1e-9);
            combined.Lower[h].Should().BeApproximately((naive.Lower[h] + seasonal.Lower[h]) / 2, 1e-9);
            combined.Upper[h].Should().BeApproximately((naive.Upper[h] + seasonal.Upper[h]) / 2, 1e-9);
        }
    }

    [Fact]
    public void Catalog_Combined_BeatsEachMemberOnASeriesThatFoolsOne()
    {
        // A daily season with a level shift a week ago: one member follows the season, the other the trend.
        var random = new Random(2);
        double Truth(int t) => 100 + (t >= 24 * 14 ? 30 : 0) + (25 * Math.Sin(2 * Math.PI * t / 24));
        var history = Enumerable.Range(0, 24 * 21).Select(t => Truth(t) + (3 * (random.NextDouble() - 0.5))).ToList();

        var forecast = ForecasterCatalog.Create("combined").Fit(history, 24, 24, 0.95);

        forecast.Mean.Should().HaveCount(24);
        Enumerable.Range(0, 24).Average(h => Math.Abs(forecast.Mean[h] - Truth(history.Count + h))).Should().BeLessThan(4);
        Enumerable.Range(0, 24).Should().OnlyContain(h => forecast.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= forecast.Upper[h]);
    }
}
