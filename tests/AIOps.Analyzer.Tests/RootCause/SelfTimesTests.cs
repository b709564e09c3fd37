using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class SelfTimesTests
{
    private const long Ms = 1_000_000;

    private static RcaSpan Span(string id, string? parent, string service, long startMs, long endMs) =>
        new("t1", id, parent, service, "op", startMs * Ms, endMs * Ms);

    [Fact]
    public void Compute_CallerWaitingOnASlowCallee_KeepsOnlyItsOwnWork()
    {
        var spans = new[]
        {
            Span("gw", null, "gateway", 0, 310),
            Span("h", "gw", "hotel", 5, 305),
        };

        var self = SelfTimes.Compute(spans);

        self[("t1", "gw")].Should().Be(10 * Ms, "the gateway only waited on hotel");
        self[("t1", "h")].Should().Be(300 * Ms);
    }

    [Fact]
    public void Compute_ParallelAndOverlappingChildren_CountTheirUnionOnce()
    {
        var spans = new[]
        {
            Span("p", null, "order", 0, 100),
            Span("a", "p", "user", 10, 40),
            Span("b", "p", "payment", 20, 60),
            Span("c", "p", "promotion", 30, 50),
            Span("d", "p", "notification", 80, 90),
        };

        SelfTimes.Compute(spans)[("t1", "p")].Should().Be((100 - 50 - 10) * Ms, "10..60 and 80..90 are covered");
    }

    [Fact]
    public void Compute_ChildOutlivingItsParent_CountsOnlyWhileTheParentLasts()
    {
        var spans = new[]
        {
            Span("p", null, "order", 0, 100),
            Span("q", "p", "notification", 90, 500),
        };

        SelfTimes.Compute(spans)[("t1", "p")].Should().Be(90 * Ms);
    }

    [Fact]
    public void Compute_SameSpanIdsInTwoTraces_AreKeptApart()
    {
        var spans = new[]
        {
            new RcaSpan("t1", "root", null, "gateway", "op", 0, 100),
            new RcaSpan("t2", "root", null, "gateway", "op", 0, 40),
            new RcaSpan("t2", "child", "root", "hotel", "op", 0, 30),
        };

        var self = SelfTimes.Compute(spans);

        self[("t1", "root")].Should().Be(100);
        self[("t2", "root")].Should().Be(10);
    }
}
