using AIOps.Analyzer.Forecasting;

namespace AIOps.Analyzer.Tests.Forecasting;

public sealed class MultiSeasonalNaiveForecasterTests
{
    [Fact]
    public void Fit_Weekly_RepeatsTheSameHourOfLastWeek()
    {
        var history = Enumerable.Range(0, 24 * 21).Select(t => (double)(t % 168) + (t / 168 * 1000)).ToList();

        var forecast = new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.Weekly).Fit(history, 24, 48, 0.95);

        forecast.Mean.Should().Equal(Enumerable.Range(0, 48).Select(h => history[history.Count - 168 + h]));
        Enumerable.Range(0, 48).Should().OnlyContain(h => forecast.Lower[h] <= forecast.Mean[h] && forecast.Upper[h] >= forecast.Mean[h]);
    }

    [Fact]
    public void Fit_DailyMedian_IgnoresOneUnusualDay()
    {
        var history = Enumerable.Range(0, 24 * 14).Select(t => 10.0 + (t % 24)).ToList();
        for (var t = history.Count - 24; t < history.Count; t++)
        {
            history[t] = 500;
        }

        var forecast = new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.DailyMedian).Fit(history, 24, 24, 0.9);

        forecast.Mean.Should().Equal(Enumerable.Range(0, 24).Select(h => 10.0 + h));
    }

    [Fact]
    public void Fit_ShortHistory_FallsBackToDailySeasonalNaive()
    {
        var history = Enumerable.Range(0, 24 * 5).Select(t => (double)(t % 24) + (t / 24)).ToList();

        var forecast = new MultiSeasonalNaiveForecaster(SeasonalNaiveVariant.Weekly).Fit(history, 24, 24, 0.95);

        forecast.Mean.Should().Equal(new SeasonalNaiveForecaster().Fit(history, 24, 24, 0.95).Mean);
    }
}
