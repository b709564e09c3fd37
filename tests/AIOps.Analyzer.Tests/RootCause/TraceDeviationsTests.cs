using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class TraceDeviationsTests
{
    // Bookings whose payment takes paymentMs plus up to 1 ms of jitter and fails with the given share.
    private static List<RcaSpan> Window(int traces, double paymentMs, double failShare, int seed) =>
        SyntheticTraces.Window(traces, seed, random => SyntheticTraces.Booking(paymentMs + random.NextDouble(), paymentFails: random.NextDouble() < failShare));

    [Fact]
    public void Compute_SlowCallee_IsTheOnlyOperationWhoseSelfTimeRose()
    {
        var deviations = TraceDeviations.Compute(Window(200, 5, 0, 1), Window(100, 300, 0, 2));

        deviations[0].Service.Should().Be("payment");
        deviations[0].LatencyScore.Should().BeGreaterThan(50);
        deviations[0].IncidentSelfMs.Should().BeGreaterThan(290);
        deviations[0].ExampleTraceIds.Should().NotBeEmpty();
        deviations.Where(d => d.Service != "payment").Should().OnlyContain(d => d.Score < 3, "gateway and order only waited");
    }

    [Fact]
    public void Compute_FailingCallee_KeepsTheErrorsItsCallersPassOn()
    {
        var deviations = TraceDeviations.Compute(Window(200, 5, 0.01, 3), Window(100, 5, 0.5, 4));

        deviations[0].Service.Should().Be("payment");
        deviations[0].ErrorScore.Should().BeGreaterThan(10);
        deviations[0].IncidentErrorRate.Should().BeInRange(0.35, 0.65);
        deviations.Single(d => d.Service == "gateway").IncidentErrorRate.Should().Be(0, "its failures started in payment");
    }

    [Fact]
    public void Compute_OperationSeenOnlyDuringTheIncident_HasNoLatencyScoreWithoutABaseline()
    {
        var deviations = TraceDeviations.Compute([], Window(20, 5, 0, 5));

        deviations.Should().OnlyContain(d => d.LatencyScore == 0 && d.BaselineCount == 0);
    }
}
