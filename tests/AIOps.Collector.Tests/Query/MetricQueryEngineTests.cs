using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Tests.Query;

public sealed class MetricQueryEngineTests
{
    private static SeriesData Series(string name, IEnumerable<(long T, double V)> samples, params (string, string)[] labels) =>
        new(new SeriesKey(name, labels.Select(l => new Label(l.Item1, l.Item2))), [.. samples]);

    [Fact]
    public void Rate_CounterWithAReset_CountsTheIncreaseAcrossIt()
    {
        // 10/s, then the process restarts and counts from 0 again.
        var samples = new[] { (0L, 0.0), (10_000L, 100), (20_000L, 200), (30_000L, 50), (40_000L, 150) };
        var query = new MetricQuery { Name = "x", Function = "rate", WindowMs = 60_000, FromMs = 40_000, ToMs = 40_000, StepMs = 10_000 };

        var result = MetricQueryEngine.Evaluate(query, [Series("x", samples)]).Single();

        result.Points.Single()[1].Should().BeApproximately((100 + 100 + 50 + 100) / 40.0, 1e-9);
    }

    [Fact]
    public void SumBy_TwoInstancesOfOneService_AddsThemAndKeepsTheLabel()
    {
        var query = new MetricQuery { Name = "q", Aggregation = "sum", By = ["service"], FromMs = 10_000, ToMs = 10_000, StepMs = 1000 };
        var result = MetricQueryEngine.Evaluate(query,
        [
            Series("q", [(10_000L, 3.0)], ("service", "a"), ("instance", "1")),
            Series("q", [(10_000L, 4.0)], ("service", "a"), ("instance", "2")),
            Series("q", [(10_000L, 9.0)], ("service", "b"), ("instance", "1")),
        ]);

        result.Should().HaveCount(2);
        result.Single(r => r.Labels["service"] == "a").Points.Single()[1].Should().Be(7);
    }

    [Theory]
    [InlineData(0.5, 0.125)]
    [InlineData(0.9, 0.5)]
    [InlineData(0.99, 0.95)]
    public void BucketQuantile_CumulativeBuckets_InterpolatesInsideTheBucket(double q, double expected)
    {
        // 40 under 0.1 s, 40 more under 0.2 s, 10 under 0.5 s, 10 under 1 s.
        List<(double, double)> buckets = [(0.1, 40), (0.2, 80), (0.5, 90), (1, 100), (double.PositiveInfinity, 100)];

        MetricQueryEngine.BucketQuantile(q, buckets).Should().BeApproximately(expected, 0.001);
    }

    [Fact]
    public void Instant_NoSampleWithinLookback_GivesNoPoint()
    {
        var query = new MetricQuery { Name = "g", FromMs = 600_000, ToMs = 600_000, StepMs = 1000, LookbackMs = 300_000 };

        MetricQueryEngine.Evaluate(query, [Series("g", [(100_000L, 1.0)])]).Should().BeEmpty();
    }
}
