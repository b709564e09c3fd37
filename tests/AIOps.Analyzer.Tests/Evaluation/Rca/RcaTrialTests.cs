using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class RcaTrialTests
{
    [Fact]
    public void FromMetrics_Case_IsATrialOfItsMetricsAloneWithItsLabel()
    {
        MetricSeries[] series = [new("carts", "carts_cpu", [new(1_000, 5), new(2_000, 9)])];
        var @case = new RcaCase("carts-cpu/1", "carts", "cpu", series, 2_000);

        var trial = RcaTrial.FromMetrics(@case);
        var evidence = trial.Evidence();

        (trial.Name, trial.Fault, trial.RootCause).Should().Be(("carts-cpu/1", "cpu", "carts"));
        evidence.AnomalyStartMs.Should().Be(2_000);
        evidence.Metrics.Should().BeSameAs(series);
        evidence.BaselineSpans.Should().BeEmpty();
        evidence.IncidentSpans.Should().BeEmpty();
        evidence.Changes.Should().BeEmpty();
    }
}
