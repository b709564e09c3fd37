using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class TraceSpectrumTests
{
    // A booking takes 2 + 2 + 1 + 5 = 10 ms, so with a steady baseline one is slow beyond 1.2 x 10 + 5 = 17 ms.
    private static readonly Hop[] s_booking = SyntheticTraces.Booking(5);

    // count traces of one shape; the seed keeps trace ids apart between the shapes of a window.
    private static List<RcaSpan> Traces(int count, int seed, Hop[] hops) => SyntheticTraces.Window(count, seed, _ => hops);

    private static SpanTree Tree(params List<RcaSpan>[] parts) => new([.. parts.SelectMany(p => p)]);

    private static SpanTree Baseline(int bookings = 20) => Tree(Traces(bookings, 1, s_booking), Traces(20, 2, SyntheticTraces.Catalog()));

    [Theory]
    [InlineData("failed")]
    [InlineData("slow")]
    [InlineData("missing payment")]
    public void Compute_AbnormalBookingsNextToNormalLookups_ScoreOrderAboveTheSharedGateway(string why)
    {
        var booking = why switch
        {
            "failed" => SyntheticTraces.Booking(5, paymentFails: true),
            "slow" => SyntheticTraces.Booking(13),
            _ => s_booking[..2],
        };

        var scores = TraceSpectrum.Compute(Baseline(), Tree(Traces(10, 3, booking), Traces(10, 4, SyntheticTraces.Catalog())));

        var order = scores.Single(s => s.Service == "order");
        order.Should().BeEquivalentTo(new { AbnormalThrough = 10, NormalThrough = 0, Abnormal = 10, Ochiai = 1.0 }, why);
        order.ExampleTraceIds.Should().HaveCount(3);
        scores.Single(s => s.Service == "gateway").Ochiai.Should().BeApproximately(10 / Math.Sqrt(10 * 20), 1e-12, "half the gateway's traces were normal");
        scores.Select(s => s.Service).Should().NotContain("catalog").And.StartWith("order");
        scores.Select(s => s.Ochiai).Should().BeInDescendingOrder();
    }

    [Theory]
    [InlineData(11.9, false)] // 16.9 ms: within 1.2 x p99 + 5 ms
    [InlineData(12.1, true)]  // 17.1 ms: beyond
    public void Compute_SlowTraces_AreAbnormalBeyondTheBaselineP99Margin(double paymentMs, bool abnormal)
    {
        var scores = TraceSpectrum.Compute(Baseline(), Tree(Traces(10, 3, SyntheticTraces.Booking(paymentMs))));

        scores.Select(s => (s.Service, s.Abnormal, s.Ochiai)).Should().BeEquivalentTo(abnormal
            ? [("gateway", 10, 1.0), ("order", 10, 1.0), ("payment", 10, 1.0)]
            : Array.Empty<(string, int, double)>());
    }

    [Theory]
    [InlineData(9, true)]  // 90 % of baseline bookings reached payment: expected
    [InlineData(8, false)] // 80 %: not
    public void Compute_TraceMissingAnOperation_IsAbnormalWhenNineInTenBaselineTracesHadIt(int reachingPayment, bool abnormal)
    {
        var baseline = Tree(Traces(reachingPayment, 1, s_booking), Traces(10 - reachingPayment, 2, s_booking[..2]));

        var scores = TraceSpectrum.Compute(baseline, Tree(Traces(10, 3, s_booking[..2])));

        scores.Select(s => s.Service).Should().BeEquivalentTo(abnormal ? ["gateway", "order"] : Array.Empty<string>());
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Compute_EntriesWithFewerThanThreeBaselineTraces_AreNotJudged(int baselineBookings, bool judged)
    {
        var scores = TraceSpectrum.Compute(Baseline(baselineBookings), Tree(Traces(10, 3, SyntheticTraces.Booking(5, paymentFails: true))));

        scores.Should().HaveCount(judged ? 3 : 0);
    }

    [Fact]
    public void Compute_TraceWithoutARoot_IsSkippedAndTheOthersStillJudged()
    {
        var failing = Traces(10, 3, SyntheticTraces.Booking(5, paymentFails: true));
        RcaSpan[] malformed =
        [
            new("self", "a", "a", "order", "POST /orders", 0, SyntheticTraces.Ms, IsError: true),
            new("cycle", "a", "b", "order", "POST /orders", 0, SyntheticTraces.Ms, IsError: true),
            new("cycle", "b", "a", "payment", "POST /payments", 0, SyntheticTraces.Ms, IsError: true),
        ];

        var scores = TraceSpectrum.Compute(Baseline(), Tree(failing, [.. malformed]));

        scores.Should().BeEquivalentTo(TraceSpectrum.Compute(Baseline(), Tree(failing)), "a trace whose spans all name a parent in it has no entry to judge it by");
    }
}
