using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class TraceDeviationsTests
{
    private const long Ms = 1_000_000;

    // gateway -> order -> payment, with payment taking paymentMs (and failing when asked); each caller adds 2 ms of its own.
    private static IEnumerable<RcaSpan> Booking(int trace, double paymentMs, bool paymentFails, Random random)
    {
        var id = $"t{trace}";
        var jitter = random.NextDouble();
        var payment = (long)((paymentMs + jitter) * Ms);
        var order = payment + (2 * Ms);
        var gateway = order + (2 * Ms);
        return
        [
            new RcaSpan(id, "gw", null, "gateway", "POST /api/bookings", 0, gateway, paymentFails),
            new RcaSpan(id, "or", "gw", "order", "POST /orders", Ms, Ms + order, paymentFails),
            new RcaSpan(id, "pa", "or", "payment", "POST /payments", 2 * Ms, (2 * Ms) + payment, paymentFails),
        ];
    }

    private static List<RcaSpan> Window(int traces, double paymentMs, double failShare, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, traces).SelectMany(t => Booking(t + (seed * 1000), paymentMs, random.NextDouble() < failShare, random))];
    }

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
