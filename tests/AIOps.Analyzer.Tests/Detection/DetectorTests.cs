using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class DetectorTests
{
    private const long Step = 300_000;

    private static double[] Run(IStreamingDetector detector, IReadOnlyList<double> values) =>
        [.. values.Select((v, i) => detector.Update(i * Step, v))];

    private static List<double> DailySeries(int days, Random random) =>
        [.. Enumerable.Range(0, days * 288).Select(i => 100 + (40 * Math.Sin(2 * Math.PI * i / 288)) + (random.NextDouble() * 4))];

    [Fact]
    public void SeasonalBaseline_DailyCycle_FindsThePeriodAndStaysQuietOnNormalPeaks()
    {
        var detector = new SeasonalBaselineDetector();
        var scores = Run(detector, DailySeries(6, new Random(1)));

        detector.Period.Should().Be(288);
        scores.Max().Should().BeLessThan(0.55);
        scores.Skip(2 * 288).Max().Should().BeLessThan(0.5, "the daily peaks are the normal shape once the season is learnt");
    }

    [Fact]
    public void SeasonalBaseline_SpikeAtAQuietHour_ScoresHigh()
    {
        var values = DailySeries(6, new Random(2));
        var at = (5 * 288) + 72;
        values[at] += 45;

        var scores = Run(new SeasonalBaselineDetector(), values);

        scores[at].Should().BeGreaterThan(0.8);
        scores.Skip(600).Where((_, i) => i + 600 != at).Max().Should().BeLessThan(0.5);
    }

    [Fact]
    public void ChangePoint_LevelShift_ScoresHighSoonAfterTheShift()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 600).Select(i => (i < 400 ? 50.0 : 80.0) + random.NextDouble()).ToList();

        var scores = Run(new ChangePointDetector(), values);

        scores.Take(400).Max().Should().BeLessThan(0.5);
        scores.Skip(400).Take(12).Max().Should().BeGreaterThan(0.9);
    }

    [Fact]
    public void ChangePoint_VarianceShift_IsDetected()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 600).Select(i => 50 + ((random.NextDouble() - 0.5) * (i < 400 ? 1 : 20))).ToList();

        var scores = Run(new ChangePointDetector(), values);

        scores.Skip(400).Take(15).Max().Should().BeGreaterThan(0.7);
    }

    [Fact]
    public void Scores_AreAlwaysBetweenZeroAndOne()
    {
        var random = new Random(6);
        var values = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.01 ? 1e6 : random.NextDouble() * 10).ToList();

        foreach (var (name, factory) in DetectorCatalog.Detectors)
        {
            Run(factory(), values).Should().OnlyContain(s => s >= 0 && s <= 1, name);
        }
    }
}
