using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class RobustChangeRankerTests
{
    private const int NormalPoints = 300;
    private const int AnomalousPoints = 120;
    private const long StepMs = 1000;
    private const long StartMs = NormalPoints * StepMs;

    /// <summary>A metric of <paramref name="service"/>: noise around <paramref name="level"/>, then <paramref name="after"/> from the anomaly start on.</summary>
    private static MetricSeries Noisy(string service, string metric, double level, double noise, Func<double, double>? after, Random random) =>
        new(service, $"{service}_{metric}", [.. Enumerable.Range(0, NormalPoints + AnomalousPoints).Select(i =>
        {
            var value = level + ((random.NextDouble() - 0.5) * 2 * noise);
            return new MetricPoint(i * StepMs, i >= NormalPoints && after is not null ? after(value) : value);
        })]);

    private static MetricSeries Literal(string service, string metric, double[] normal, double[] anomalous) =>
        new(service, $"{service}_{metric}", [.. normal.Concat(anomalous).Select((v, i) => new MetricPoint(
            i < normal.Length ? StartMs - ((normal.Length - i) * StepMs) : StartMs + ((i - normal.Length) * StepMs), v))]);

    private static List<MetricSeries> Shop(Random random, string faulty, Func<double, double> fault) =>
    [
        .. new[] { "carts", "orders", "payment", "user" }.SelectMany(s => new[]
        {
            Noisy(s, "cpu", 5, 0.5, s == faulty ? fault : v => v * 1.1, random),
            Noisy(s, "mem", 300, 2, null, random),
            Noisy(s, "lat_90", 0.02, 0.004, v => v * 1.3, random),
        }),
    ];

    [Fact]
    public void Rank_OneServiceCpuJumps_RanksItFirstWithItsMetricAsEvidence()
    {
        var series = Shop(new Random(1), "orders", v => v + 45);

        var ranking = new RobustChangeRanker().Rank(series, StartMs);

        ranking.Select(c => c.Service).Should().HaveCount(4).And.StartWith("orders");
        var top = ranking[0];
        top.Score.Should().Be(top.TopMetric.Score).And.BeGreaterThan(10 * ranking[1].Score);
        top.TopMetric.Metric.Should().Be("orders_cpu");
        top.TopMetric.Direction.Should().Be(ChangeDirection.Increase);
        top.TopMetric.BaselineMedian.Should().BeApproximately(5, 0.2);
        top.TopMetric.AnomalousMedian.Should().BeApproximately(50, 0.2);
        top.TopMetric.AnomalousPeak.Should().BeInRange(50, 50.5);
        top.TopMetric.PeakTimeMs.Should().BeGreaterThanOrEqualTo(StartMs);
        top.Evidence.Select(e => e.Score).Should().BeInDescendingOrder();
        ranking.Select(c => c.Score).Should().BeInDescendingOrder();
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, new[] { 7.0, 11 }, 4.0, 3.0, 2.0)] // median 3, IQR 4 - 2 = 2: (11 - 3) / 2
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, new[] { 3.5, 2 }, 0.25, 3.0, 2.0)] // only rises count: (3.5 - 3) / 2
    [InlineData(new[] { 10.0, 10, 10, 10 }, new[] { 12.0, 11 }, 20.0, 10.0, 0.1)] // flat baseline: spread floored at 1 % of 10
    [InlineData(new[] { 0.0, 0, 0, 0 }, new[] { 5.0, 0 }, 100.0, 0.0, 0.05)] // flat at zero: 1 % of the largest value, so the score is 1 / 0.01
    public void Score_LiteralSeries_MatchesHandComputed(double[] normal, double[] anomalous, double score, double median, double scale)
    {
        var evidence = new RobustChangeRanker().Score(Literal("s", "m", normal, anomalous), StartMs);

        evidence.Should().NotBeNull();
        evidence!.Score.Should().BeApproximately(score, 1e-9);
        evidence.BaselineMedian.Should().BeApproximately(median, 1e-12);
        evidence.BaselineScale.Should().BeApproximately(scale, 1e-12);
    }

    [Fact]
    public void Rank_MetricConstantInNormalThenChanges_ScoresFinitelyAndOutranksNoise()
    {
        var series = Shop(new Random(2), "none", v => v);
        series.Add(Literal("payment-db", "connections", [.. Enumerable.Repeat(20.0, NormalPoints)], [.. Enumerable.Repeat(26.0, AnomalousPoints)]));

        var ranking = new RobustChangeRanker().Rank(series, StartMs);

        var top = ranking[0];
        top.Service.Should().Be("payment-db");
        top.Score.Should().BeApproximately(30, 1e-9, "a 30 % rise over a flat baseline, in 1 % steps");
        double.IsFinite(top.Score).Should().BeTrue();
    }

    [Fact]
    public void Score_QueueIdlingAtZero_IsJudgedAgainstItsAbsoluteFloor()
    {
        var oneQueued = Literal("hotel", "thread_pool_queue", [0, 0, 0, 0, 0, 0], [0, 1, 0]);
        var starved = Literal("hotel", "thread_pool_queue", [0, 0, 0, 0, 0, 0], [12, 40, 35]);
        var ranker = new RobustChangeRanker();

        ranker.Score(oneQueued, StartMs)!.Score.Should().BeApproximately(100, 1e-9, "the relative floor alone makes one item against none a hundredfold move");
        ranker.Score(oneQueued with { ScaleFloor = 5 }, StartMs)!.Score.Should().BeApproximately(0.2, 1e-9, "one item is a fifth of the queue's noise");
        ranker.Score(starved with { ScaleFloor = 5 }, StartMs)!.Score.Should().BeApproximately(8, 1e-9, "forty queued items are eight times the noise");
    }

    [Fact]
    public void Rank_FlatMetrics_AreLeftOutAndServicesWithOnlyThoseToo()
    {
        var series = Shop(new Random(3), "carts", v => v * 3);
        series.Add(Literal("carts", "threads", [4, 4, 4, 4], [4, 4]));
        series.Add(Literal("shipping", "cpu", [1, 1, 1, 1], [1, 1, 1]));

        var ranking = new RobustChangeRanker().Rank(series, StartMs);

        ranking.Select(c => c.Service).Should().NotContain("shipping");
        ranking.Single(c => c.Service == "carts").Evidence.Select(e => e.Metric).Should().NotContain("carts_threads").And.HaveCount(3);
    }

    [Fact]
    public void Rank_MemoryInBytesOrMegabytes_GivesTheSameRanking()
    {
        var random = new Random(4);
        var times = Enumerable.Range(0, NormalPoints + AnomalousPoints).Select(i => i * StepMs).ToList();
        var names = new[] { "carts_mem", "orders_mem", "orders_cpu", "user_mem" };
        IReadOnlyList<double>[] columns =
        [
            [.. times.Select(t => 3e8 + (random.NextDouble() * 2e6) + (t >= StartMs ? 1.5e8 : 0))],
            [.. times.Select(_ => 2e8 + (random.NextDouble() * 2e6))],
            [.. times.Select(t => 5 + random.NextDouble() + (t >= StartMs ? 2 : 0))],
            [.. times.Select(t => 1.5e7 + (t >= StartMs ? 1e5 : 0))],
        ];
        var bytes = new MetricFrame(times, names, columns);
        var megabytes = MetricConventions.MemoryToMegabytes(bytes);
        var ranker = new RobustChangeRanker();

        var inBytes = ranker.Rank(MetricConventions.ToSeries(bytes), StartMs);
        var inMegabytes = ranker.Rank(MetricConventions.ToSeries(megabytes), StartMs);

        inMegabytes.Select(c => c.Service).Should().Equal(inBytes.Select(c => c.Service)).And.StartWith("carts");
        inMegabytes.Select(c => c.Score).Should().Equal(inBytes.Select(c => c.Score), (a, b) => Math.Abs(a - b) < 1e-6 * Math.Max(1, b));
        inMegabytes[0].TopMetric.BaselineMedian.Should().BeApproximately(301, 1.1, "memory is ranked in megabytes");
    }

    [Fact]
    public void Rank_ServiceFalls_CountsOnlyWhenFallsAreAsked()
    {
        var series = Shop(new Random(5), "carts", v => v + 5);
        series.Add(Noisy("user", "lod", 100, 5, v => v - 90, new Random(6)));

        var rises = new RobustChangeRanker().Rank(series, StartMs);
        var either = new RobustChangeRanker(new RobustChangeRankerOptions { Direction = ChangeDirection.Either }).Rank(series, StartMs);

        rises[0].Service.Should().Be("carts");
        either[0].Service.Should().Be("user");
        either[0].TopMetric.Direction.Should().Be(ChangeDirection.Decrease);
        either[0].TopMetric.AnomalousPeak.Should().BeLessThan(15);
    }

    [Fact]
    public void Rank_SpikesInTheBaseline_DoNotHideAChange()
    {
        var random = new Random(7);
        double[] normal = [.. Enumerable.Range(0, NormalPoints).Select(i => i % 50 == 0 ? 80 : 5 + random.NextDouble())];
        var series = new List<MetricSeries>
        {
            Literal("carts", "cpu", normal, [.. Enumerable.Repeat(30.0, AnomalousPoints)]),
            Noisy("orders", "cpu", 5, 1, v => v + 1, random),
        };

        var top = new RobustChangeRanker().Rank(series, StartMs)[0];

        top.Service.Should().Be("carts");
        top.TopMetric.BaselineScale.Should().BeLessThan(1, "six spikes in 300 points leave the interquartile range alone");
    }

    [Fact]
    public void Rank_GapsAndTooShortBaselines_AreSkipped()
    {
        var series = new List<MetricSeries>
        {
            Literal("carts", "cpu", [1, double.NaN, 2, 3, double.NaN], [double.NaN, 9]),
            Literal("orders", "cpu", [1, double.NaN, 2], [50]),
        };

        var ranking = new RobustChangeRanker().Rank(series, StartMs);

        ranking.Should().ContainSingle().Which.Service.Should().Be("carts");
        ranking[0].Score.Should().BeApproximately(7, 1e-9); // median 2, IQR 1, peak 9
    }

    [Fact]
    public void Rank_EqualScores_TieInServiceNameOrder()
    {
        var series = new[] { "user", "carts", "orders" }.Select(s => Literal(s, "cpu", [1, 2, 3, 4, 5], [7])).ToList();

        new RobustChangeRanker().Rank(series, StartMs).Select(c => c.Service).Should().Equal("carts", "orders", "user");
    }

    [Theory]
    [InlineData(0.0, 3, "RelativeScaleFloor")]
    [InlineData(1.5, 3, "RelativeScaleFloor")]
    [InlineData(double.NaN, 3, "RelativeScaleFloor")]
    [InlineData(0.01, 1, "MinimumBaselinePoints")]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting(double floor, int baseline, string name)
    {
        var act = () => new RobustChangeRanker(new RobustChangeRankerOptions { RelativeScaleFloor = floor, MinimumBaselinePoints = baseline });

        act.Should().Throw<ArgumentException>().WithMessage($"*RobustChangeRankerOptions.{name}*").Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void Constructor_UndefinedDirection_ThrowsNamingTheSetting()
    {
        var act = () => new RobustChangeRanker(new RobustChangeRankerOptions { Direction = (ChangeDirection)7 });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Direction");
    }
}
