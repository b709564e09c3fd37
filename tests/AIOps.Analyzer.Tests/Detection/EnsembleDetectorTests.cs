using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Tests.Detection;

public sealed class EnsembleDetectorTests
{
    private const long Step = 300_000;

    private static double[] Run(EnsembleDetector detector, IReadOnlyList<double> values) => Run(detector, values, out _);

    private static double[] Run(EnsembleDetector detector, IReadOnlyList<double> values, out string?[] drivers)
    {
        var scores = new double[values.Count];
        drivers = new string?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            scores[i] = detector.Update(i * Step, values[i]);
            drivers[i] = scores[i] > 0 ? detector.Driver : null;
        }

        return scores;
    }

    private static List<double> Noise(int count, int seed, double level = 50, double spread = 4)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => level + ((random.NextDouble() - 0.5) * spread))];
    }

    [Fact]
    public void Update_LevelShift_AlertsOnceAtTheShift()
    {
        var values = Noise(1500, 1);
        for (var i = 1000; i < values.Count; i++)
        {
            values[i] += 10;
        }

        var scores = Run(new EnsembleDetector(), values, out var drivers);

        scores[1000].Should().BeGreaterThan(0.9);
        drivers[1000].Should().Be(nameof(NoveltyFeature.Value));
        scores.Skip(1001).Take(100).Should().OnlyContain(s => s < 0.5, "one event raises one alert, not a burst");
    }

    [Fact]
    public void Update_StationaryNoise_AlertsRarely()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000).Select(_ => 50 + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToList();

        var scores = Run(new EnsembleDetector(), values);

        scores.Skip(1000).Count(s => s >= 0.5).Should().BeLessThan(19, "under one alert per thousand points (NAB's cost of a false positive sets this rate)");
    }

    [Fact]
    public void Update_SeriesGoesFlat_IsCaughtByTheFallingVolatility()
    {
        var values = Noise(1500, 2, spread: 20);
        for (var i = 1100; i < values.Count; i++)
        {
            values[i] = 50;
        }

        var detector = new EnsembleDetector();
        var scores = Run(detector, values);

        scores.Skip(1100).Take(80).Max().Should().BeGreaterThanOrEqualTo(0.5);
        scores.Skip(400).Take(700).Should().OnlyContain(s => s < 0.5);
    }

    [Fact]
    public void Update_DailyShapeBreaksWithinItsUsualRange_IsCaughtByTheSeasonalChange()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 12 * 288).Select(i => 100 + (40 * Math.Sin(2 * Math.PI * i / 288)) + random.NextDouble()).ToList();
        var broken = (10 * 288) + 50;
        for (var i = broken; i < broken + 100; i++)
        {
            values[i] = 100;
        }

        var detector = new EnsembleDetector();
        var scores = Run(detector, values);

        detector.Period.Should().Be(288);
        scores.Skip(broken).Take(60).Max().Should().BeGreaterThanOrEqualTo(0.5);
        scores.Skip(4 * 288).Take(broken - (4 * 288)).Should().OnlyContain(s => s < 0.5, "the daily peaks are the usual shape");
    }

    [Fact]
    public void Score_PointsNotLearned_StayOutOfTheRange_LearnedOnesJoinIt()
    {
        var options = new EnsembleOptions { QuietPoints = 0, Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.Value] = 1 } };
        var dropped = new EnsembleDetector(options);
        var learned = new EnsembleDetector(options);
        var normal = Noise(600, 7);
        Run(dropped, normal);
        Run(learned, normal);

        foreach (var detector in new[] { dropped, learned })
        {
            detector.Score(600 * Step, 90).Should().BeGreaterThanOrEqualTo(0.5);
        }

        dropped.Forget();
        learned.Learn();

        dropped.Score(601 * Step, 88).Should().BeGreaterThanOrEqualTo(0.5, "a fault's points taught nothing: 88 is as new as 90 was");
        learned.Score(601 * Step, 88).Should().Be(0, "90 joined the range");
    }

    [Fact]
    public void Learn_KeepNewest_HoldsThoseUntilSettled()
    {
        var options = new EnsembleOptions { QuietPoints = 0, Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.Value] = 1 } };
        var detector = new EnsembleDetector(options);
        Run(detector, Noise(600, 8));

        detector.Score(600 * Step, 90);
        detector.Score(601 * Step, 91);
        detector.Learn(keepNewest: 1);

        detector.Score(602 * Step, 89.5).Should().Be(0, "90 was learnt");
        detector.Score(603 * Step, 91);
        detector.Excursion.Should().BeGreaterThan(0, "91 is still held: the range ends at 90");
    }

    [Fact]
    public void Update_SustainedRise_FindsALevelHeldAboveEveryLevelHeldBefore_ThoughLoneSpikesWentHigher()
    {
        var values = Noise(1200, 9);
        foreach (var spike in new[] { 300, 550, 800, 1050 })
        {
            values[spike] = 120;
        }

        for (var i = 1100; i < 1108; i++)
        {
            values[i] = 100;
        }

        var sustained = new EnsembleOptions { QuietPoints = 0, SustainPoints = 3, Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.Value] = 4, [NoveltyFeature.SustainedRise] = 4 } };
        var valueOnly = sustained with { Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.Value] = 4 } };

        var withSustained = Run(new EnsembleDetector(sustained), values, out var drivers);
        var withValueOnly = Run(new EnsembleDetector(valueOnly), values);

        withValueOnly.Skip(1100).Take(8).Should().OnlyContain(s => s < 0.5, "lone spikes to 120 make 100 ordinary for the value");
        withSustained[1102].Should().BeGreaterThanOrEqualTo(0.5, "three points in a row at 100 were never seen");
        drivers[1102].Should().Be(nameof(NoveltyFeature.SustainedRise));
        drivers[300].Should().Be(nameof(NoveltyFeature.Value), "a lone spike holds no level");
    }

    [Fact]
    public void Update_ImposedPeriod_IsUsedFromTheStart()
    {
        var detector = new EnsembleDetector(new EnsembleOptions { Period = 60 });

        Run(detector, Noise(100, 4));

        detector.Period.Should().Be(60);
    }

    [Fact]
    public void Update_NonFiniteValues_AreIgnored()
    {
        var values = Noise(600, 5);
        values[450] = double.NaN;
        values[451] = double.PositiveInfinity;

        var scores = Run(new EnsembleDetector(), values);

        scores.Should().OnlyContain(s => s >= 0 && s <= 1);
    }

    [Theory]
    [InlineData(nameof(EnsembleOptions.HorizonPoints))]
    [InlineData(nameof(EnsembleOptions.WarmUpPoints))]
    [InlineData(nameof(EnsembleOptions.Weights))]
    [InlineData(nameof(EnsembleOptions.AlertExcursion))]
    public void Constructor_InvalidOption_NamesIt(string option)
    {
        var options = option switch
        {
            nameof(EnsembleOptions.HorizonPoints) => new EnsembleOptions { HorizonPoints = 2 },
            nameof(EnsembleOptions.WarmUpPoints) => new EnsembleOptions { WarmUpPoints = 0 },
            nameof(EnsembleOptions.Weights) => new EnsembleOptions { Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.Value] = 0 } },
            _ => new EnsembleOptions { AlertExcursion = 0 },
        };

        var create = () => new EnsembleDetector(options);

        create.Should().Throw<ArgumentException>().WithMessage($"*{option}*");
    }

    [Fact]
    public void Update_Component_IsCalibratedLikeTheViews()
    {
        var random = new Random(6);
        var values = Enumerable.Range(0, 1200).Select(i => 10 + (3 * Math.Sin(2 * Math.PI * i / 200)) + (random.NextDouble() * 0.3)).ToList();
        values[950] += 2;
        var options = new EnsembleOptions { Weights = new Dictionary<NoveltyFeature, double> { [NoveltyFeature.ShortMean] = 1 } };
        var detector = new EnsembleDetector(options, [(new SpectralResidualDetector(), 1.0)]);

        var scores = Run(detector, values, out var drivers);

        scores.Should().OnlyContain(s => s >= 0 && s <= 1);
        values[950].Should().BeLessThan(values.Max(), "the spike stays inside the series' range");
        scores[950].Should().BeGreaterThanOrEqualTo(0.5, "the spike breaks the series' spectral shape");
        drivers[950].Should().Be(nameof(SpectralResidualDetector));
    }
}
