using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class SpanTreeTests
{
    private static RcaSpan Span(string trace, string id, string? parent, string service, string operation = "op") =>
        new(trace, id, parent, service, operation, 0, 10);

    [Fact]
    public void Parent_ParentsInTheWindow_AreResolvedWithinTheirOwnTrace()
    {
        var tree = new SpanTree(
        [
            Span("t1", "a", null, "gateway"),
            Span("t1", "b", "a", "order"),
            Span("t2", "a", null, "gateway"),
            Span("t2", "b", "a", "order"),
            Span("t2", "c", "gone", "payment"),
        ]);

        tree.Parent.Should().Equal(-1, 0, -1, 2, -1);
    }

    [Fact]
    public void CalledAcross_OnlySpansWhoseParentRanInAnotherService()
    {
        var tree = new SpanTree(SyntheticTraces.Chain("t1", SyntheticTraces.Booking(5)));

        Enumerable.Range(0, tree.Spans.Count).Select(tree.CalledAcross).Should().Equal(
            false, // gateway: a root
            true,  // order, called by gateway
            false, // order's client span, called by order itself
            true); // payment, called by order's client span
    }

    [Fact]
    public void CallingAcross_NamesTheOperationsThatCallAnotherServiceDirectly()
    {
        var spans = SyntheticTraces.Chain("t1", SyntheticTraces.Booking(5)).Concat(SyntheticTraces.Chain("t2", SyntheticTraces.Catalog())).ToList();

        new SpanTree(spans).CallingAcross().Should().BeEquivalentTo(new[]
        {
            ("gateway", "POST /api/bookings"),
            ("gateway", "GET /api/catalog"),
            ("order", "POST payment"),
        });
    }

    [Fact]
    public void ServiceCalls_ParentChildAcrossServicesAndClientSpansNamingAPeer()
    {
        var tree = new SpanTree(
        [
            Span("t1", "a", null, "gateway"),
            Span("t1", "b", "a", "gateway", "POST order"),
            Span("t1", "c", "b", "order"),
            Span("t1", "d", "c", "order", "POST payment") with { Peer = "payment" },
            Span("t1", "e", "c", "order", "SELECT") with { Peer = "order" },
        ]);

        var names = tree.Names;
        tree.ServiceCalls().Select(c => (names.ServiceName(c.Caller), names.ServiceName(c.Callee)))
            .Should().BeEquivalentTo([("gateway", "order"), ("order", "payment")]);
    }
}
