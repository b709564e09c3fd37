using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class CallDropsTests
{
    private static readonly Hop[] s_orderCallsPayment = [new("order", "POST /orders", 2), new("payment", "POST /payments", 5)];

    // spans order spans, the first calling of them calling payment.
    private static SpanTree Orders(int spans, int calling) =>
        new([.. Enumerable.Range(0, spans).SelectMany(t => SyntheticTraces.Chain($"t{t}", t < calling ? s_orderCallsPayment : s_orderCallsPayment[..1]))]);

    [Fact]
    public void Compute_OrderStopsCallingPayment_DropsOneForOrder()
    {
        var baseline = new SpanTree(SyntheticTraces.Window(20, 1, _ => SyntheticTraces.Booking(5)));
        var incident = new SpanTree(SyntheticTraces.Window(20, 2, _ => SyntheticTraces.Booking(5)[..2]));

        var drops = CallDrops.Compute(baseline, incident);

        drops.Should().ContainSingle().Which.Should().Be(new CallDrop("order", "POST /orders", "order:POST payment", 1, 0, 1));
    }

    [Theory]
    [InlineData(10, 10, 10, 0, 1.0)]
    [InlineData(20, 20, 20, 10, 0.5)]
    [InlineData(10, 2, 10, 0, 1.0)]   // a fifth of the spans called: counted
    [InlineData(20, 3, 20, 0, null)]  // 15 %: too rare a call to miss
    [InlineData(9, 9, 10, 0, null)]   // too few spans in the baseline
    [InlineData(10, 10, 9, 0, null)]  // too few spans in the incident window
    [InlineData(10, 5, 10, 8, null)]  // calls rose
    public void Compute_CallRates_DropByTheShareOfCallsNoLongerMade(int baselineSpans, int baselineCalling, int incidentSpans, int incidentCalling, double? drop)
    {
        var drops = CallDrops.Compute(Orders(baselineSpans, baselineCalling), Orders(incidentSpans, incidentCalling));

        drops.Select(d => d.Drop).Should().Equal(drop is { } expected ? new[] { expected } : []);
    }
}
