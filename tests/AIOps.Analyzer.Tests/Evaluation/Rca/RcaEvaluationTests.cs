using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class RcaEvaluationTests(SockShopFixture sockShop) : IClassFixture<SockShopFixture>
{
    private const long StartMs = 10_000;

    /// <summary>A case whose services' CPU rose by the given amounts at the start; the baseline is 1..5 for each.</summary>
    private static RcaCase Case(string name, string rootCause, string fault, params (string Service, double Rise)[] services) =>
        new(name, rootCause, fault, [.. services.Select(s => new MetricSeries(s.Service, s.Service + "_cpu",
            [.. new[] { 1.0, 2, 3, 4, 5 }.Select((v, i) => new MetricPoint(StartMs - ((5 - i) * 1000), v)), new MetricPoint(StartMs, 3 + s.Rise)]))], StartMs);

    [Fact]
    public void Run_SyntheticCases_RanksEachCaseAndScoresPerFault()
    {
        RcaCase[] cases =
        [
            Case("a-cpu/1", "a", "cpu", ("a", 9), ("b", 1)),           // a first
            Case("b-cpu/1", "b", "cpu", ("a", 9), ("b", 5), ("c", 1)), // b second
            Case("c-mem/1", "c", "mem", ("a", 12), ("b", 1)),          // c never ranked
        ];

        var result = RcaEvaluation.Run([.. cases.Select(RcaTrial.FromMetrics)], new RootCauseAnalyzer());

        result.Cases.Select(c => (c.Name, c.Rank, c.TopCandidate)).Should().Equal(("a-cpu/1", 1, "a"), ("b-cpu/1", 2, "a"), ("c-mem/1", 0, "a"));
        result.Overall.AcAtK.Should().Equal(1 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0);
        result.ByFault.Keys.Should().BeEquivalentTo(["cpu", "mem"]);
        result.ByFault["cpu"].AcAtK.Should().Equal(0.5, 1, 1, 1, 1);
        result.ByFault["cpu"].Avg5.Should().BeApproximately(0.9, 1e-12);
        result.ByFault["mem"].Avg5.Should().Be(0);
    }

    [Fact]
    public void Run_RootCauseAnalyzer_ReachesAvg5OfAtLeast098ForCpuAndMemoryFaults()
    {
        var result = RcaEvaluation.Run([.. sockShop.Cases.Select(RcaTrial.FromMetrics)], new RootCauseAnalyzer());

        result.ByFault["cpu"].Cases.Should().Be(25);
        result.ByFault["mem"].Cases.Should().Be(25);
        result.ByFault["cpu"].Avg5.Should().BeGreaterThanOrEqualTo(0.98, "BARO publishes 0.99, NSigma 0.98");
        result.ByFault["mem"].Avg5.Should().BeGreaterThanOrEqualTo(0.98, "BARO and NSigma publish 0.99");
        result.Overall.Ac(1).Should().BeGreaterThanOrEqualTo(0.96);
    }
}
