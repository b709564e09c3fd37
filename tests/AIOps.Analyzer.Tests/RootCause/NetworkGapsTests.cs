using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class NetworkGapsTests
{
    // Bookings whose client call to payment outlasts payment's span by gapMs plus up to 0.2 ms of jitter.
    private static SpanTree Window(int traces, double gapMs, int seed) =>
        new(SyntheticTraces.Window(traces, seed, random => SyntheticTraces.Booking(5, gapMs + (0.2 * random.NextDouble()))));

    [Fact]
    public void Compute_GapIntoPaymentGrows_IsPaymentsEvidenceAndNotOrders()
    {
        var gaps = NetworkGaps.Compute(Window(100, 1, 1), Window(50, 50, 2));

        gaps.Select(g => (g.Caller, g.Callee)).Should().Equal(("order", "payment"), ("gateway", "order"));
        var payment = gaps[0];
        payment.BaselineMs.Should().BeApproximately(1.1, 0.05);
        payment.IncidentMs.Should().BeApproximately(50.1, 0.05);
        payment.Score.Should().BeApproximately((payment.IncidentMs - payment.BaselineMs) / 0.1, 1e-6, "the baseline's jitter is narrower than the 0.1 ms floor of the spread");
        payment.ExampleTraceIds.Should().HaveCount(3).And.OnlyContain(id => id.StartsWith("2-", StringComparison.Ordinal));
        gaps[1].Score.Should().Be(0, "gateway's own 2 ms between its span and order's did not change");
    }

    [Theory]
    [InlineData(5, 5, 2)]
    [InlineData(4, 20, 0)]
    [InlineData(20, 4, 0)]
    public void Compute_EdgesWithFewerThanFiveCallsInEitherWindow_AreIgnored(int baselineCalls, int incidentCalls, int edges)
    {
        NetworkGaps.Compute(Window(baselineCalls, 1, 3), Window(incidentCalls, 50, 4)).Should().HaveCount(edges);
    }
}
