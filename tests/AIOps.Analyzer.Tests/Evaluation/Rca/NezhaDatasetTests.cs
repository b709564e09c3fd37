using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaDatasetTests(NezhaFixture nezha) : IClassFixture<NezhaFixture>
{
    private const long Minute = 60_000;

    private NezhaDataset Dataset => nezha.Dataset;

    private NezhaCase Case(string name) => Dataset.Cases.Single(c => c.Name == name);

    [Fact]
    public void Load_SharedData_Has45FaultsOverTwoDays()
    {
        var cases = Dataset.Cases;

        cases.Should().HaveCount(45);
        cases.Count(c => c.Day == "2023-01-29").Should().Be(28);
        cases.Count(c => c.Day == "2023-01-30").Should().Be(17);
        cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        cases.Select(c => c.AnomalyStartMs).Should().BeInAscendingOrder();
        cases.GroupBy(c => c.Fault).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["return"] = 11,
            ["exception"] = 13,
            ["cpu_contention"] = 7,
            ["network_delay"] = 14,
        });
        cases.Select(c => c.RootCause).Distinct().Should().BeEquivalentTo(
            "ts-basic-service", "ts-contacts-service", "ts-food-service", "ts-preserve-service", "ts-price-service",
            "ts-route-service", "ts-security-service", "ts-travel-service", "ts-travel2-service", "ts-verification-code-service");
    }

    [Fact]
    public void Load_SharedData_TakesTheStartFromInjectTimeNotTheTimestampThatIsHoursOff()
    {
        // This fault's inject_timestamp (1674954273) is 8 h earlier and shared with the fault before it.
        var late = Case("2023-01-29 09:12:56");

        late.AnomalyStartMs.Should().Be(1674983576000);
        late.PreviousStartMs.Should().Be(Case("2023-01-29 09:03:53").AnomalyStartMs);
        Dataset.Cases[0].PreviousStartMs.Should().BeNull();
    }

    [Fact]
    public void Spans_EveryCase_HasSpansInTheMinuteAfterItsStart()
    {
        foreach (var c in Dataset.Cases)
        {
            var spans = Dataset.Spans(c, c.AnomalyStartMs, c.AnomalyStartMs + Minute).ToList();

            spans.Should().NotBeEmpty($"case {c.Name} has telemetry on the clock of its inject_time");
            spans.Should().OnlyContain(s => s.StartMs >= c.AnomalyStartMs && s.StartMs < c.AnomalyStartMs + Minute);
        }
    }

    [Fact]
    public void Spans_CaseWindow_FormTreesOfKnownServicesEachSpanOnce()
    {
        var c = Case("2023-01-30 12:06:12");

        var spans = Dataset.Spans(c, c.AnomalyStartMs - (2 * Minute), c.AnomalyStartMs + (3 * Minute)).ToList();

        spans.Should().HaveCountGreaterThan(5_000);
        spans.Select(s => (s.TraceId, s.SpanId)).Should().OnlyHaveUniqueItems();
        spans.Should().OnlyContain(s => s.Service.StartsWith("ts-", StringComparison.Ordinal) && s.Pod.StartsWith(s.Service + "-", StringComparison.Ordinal));
        spans.Should().Contain(s => s.Service == c.RootCause);
        var ids = spans.Select(s => (s.TraceId, s.SpanId)).ToHashSet();
        var children = spans.Where(s => s.ParentId is not null).ToList();
        children.Count(s => ids.Contains((s.TraceId, s.ParentId!))).Should().BeGreaterThan((int)(0.95 * children.Count), "only traces cut by the window's edges lack a parent");
        spans.GroupBy(s => s.TraceId).Should().OnlyContain(t => t.Count(s => s.ParentId == null) <= 1);
    }

    [Fact]
    public async Task SpansAsync_CaseWindow_GivesTheSameSpansAsSpans()
    {
        var c = Case("2023-01-29 08:52:06");
        var (from, to) = (c.AnomalyStartMs - (10 * Minute), c.AnomalyStartMs + (5 * Minute));

        var read = new List<NezhaSpan>();
        await foreach (var span in Dataset.SpansAsync(c, from, to))
        {
            read.Add(span);
        }

        read.Should().Equal(Dataset.Spans(c, from, to));
        read.Should().Contain(s => s.StartMs < c.PreviousStartMs + (3 * Minute), "the window reaches back into the fault before");
    }

    [Fact]
    public void FaultFreeSpans_EachDay_CoverAFewMinutesBeforeTheDaysFaults()
    {
        foreach (var c in Dataset.Cases.GroupBy(c => c.Day).Select(g => g.Last()))
        {
            var spans = Dataset.FaultFreeSpans(c).ToList();

            spans.Should().HaveCountGreaterThan(4_000);
            spans.Select(s => (s.TraceId, s.SpanId)).Should().OnlyHaveUniqueItems();
            spans.Max(s => s.StartMs).Should().BeLessThan(c.AnomalyStartMs);
        }
    }

    [Fact]
    public void Metrics_EveryCase_HasEachPodsSeriesWithTheRootCausesCpuAndLatency()
    {
        foreach (var c in Dataset.Cases)
        {
            var series = Dataset.Metrics(c, c.AnomalyStartMs - (10 * Minute), c.AnomalyStartMs + (5 * Minute));

            series.Select(s => s.Name).Should().OnlyHaveUniqueItems("one pod a service");
            series.Should().OnlyContain(s => s.Service == MetricConventions.ServiceOf(s.Name) && !s.Name.Contains("_Node", StringComparison.Ordinal));
            series.Select(s => s.Service).Distinct().Should().HaveCount(46);
            var cpu = series.Single(s => s.Name == $"{c.RootCause}_CpuUsageRate(%)");
            var (fewest, most) = c == Dataset.Cases[0] ? (2, 2) : (9, 11);
            cpu.Points.Count(p => p.TimeMs < c.AnomalyStartMs).Should().BeInRange(fewest, most, "a row a minute, from 08:41:09 on the first day");
            cpu.Points.Count(p => p.TimeMs >= c.AnomalyStartMs).Should().BeInRange(4, 6);
            series.Should().Contain(s => s.Name == $"{c.RootCause}_PodServerLatencyP90(s)");
        }
    }

    [Fact]
    public void FrontendMetrics_CaseWindow_AreTheEntryPointsLatencies()
    {
        var c = Dataset.Cases[0];

        var series = Dataset.FrontendMetrics(c, c.AnomalyStartMs - (10 * Minute), c.AnomalyStartMs + (5 * Minute));

        series.Select(s => s.Name).Should().Contain("Frontend_LatencyP90(s)").And.NotContain(n => n.Contains("ServiceName", StringComparison.Ordinal));
        series.Should().OnlyContain(s => s.Service == "Frontend" && s.Points.Count > 0);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingIt() =>
        FluentActions.Invoking(() => NezhaDataset.Load("/nonexistent/nezha")).Should().Throw<DirectoryNotFoundException>().WithMessage("*/nonexistent/nezha*");
}
