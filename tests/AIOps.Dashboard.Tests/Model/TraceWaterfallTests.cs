using System.Globalization;
using AIOps.Collector.Query;
using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class TraceWaterfallTests
{
    [Fact]
    public void Build_Tree_ParentsBeforeChildrenOrderedByStart()
    {
        var spans = new[]
        {
            Span("c2", "a", 60, 90),
            Span("g1", "c1", 20, 30),
            Span("a", null, 0, 100),
            Span("c1", "a", 10, 50),
        };

        var waterfall = TraceWaterfall.Build(spans);

        waterfall.Rows.Select(r => (r.Span.SpanId, r.Depth)).Should().Equal(("a", 0), ("c1", 1), ("g1", 2), ("c2", 1));
        waterfall.Rows.Should().OnlyContain(r => !r.ParentMissing);
        waterfall.DurationNanos.Should().Be(100);
    }

    [Fact]
    public void Build_Bars_AreFractionsOfTheTrace()
    {
        var waterfall = TraceWaterfall.Build([Span("a", null, 1000, 1400), Span("b", "a", 1100, 1200)]);

        var child = waterfall.Rows[1];
        child.Offset.Should().BeApproximately(0.25, 1e-9);
        child.Width.Should().BeApproximately(0.25, 1e-9);
        child.StartMs.Should().BeApproximately(100 / 1e6, 1e-12);
        waterfall.Rows[0].Offset.Should().Be(0);
        waterfall.Rows[0].Width.Should().Be(1);
    }

    [Fact]
    public void Build_ParentNotReceived_ChildBecomesRootMarkedMissing()
    {
        var waterfall = TraceWaterfall.Build([Span("a", null, 0, 100), Span("orphan", "gone", 50, 60), Span("b", "orphan", 55, 58)]);

        waterfall.Rows.Select(r => (r.Span.SpanId, r.Depth, r.ParentMissing)).Should().Equal(("a", 0, false), ("orphan", 0, true), ("b", 1, false));
    }

    [Fact]
    public void Build_ClockSkew_ChildOutsideItsParentStaysWithinTheTrace()
    {
        // The child's host clock runs 30 ns early and its span ends after the parent's.
        var waterfall = TraceWaterfall.Build([Span("a", null, 100, 200), Span("b", "a", 70, 250)]);

        waterfall.StartUnixNano.Should().Be(70);
        waterfall.DurationNanos.Should().Be(180);
        waterfall.Rows.Select(r => r.Span.SpanId).Should().Equal("a", "b");
        waterfall.Rows.Should().OnlyContain(r => r.Offset >= 0 && r.Width >= 0 && r.Offset + r.Width <= 1 + 1e-12);
    }

    [Fact]
    public void Build_EndBeforeStart_GetsNoWidth()
    {
        var waterfall = TraceWaterfall.Build([Span("a", null, 0, 100), Span("b", "a", 50, 40)]);

        waterfall.Rows[1].Width.Should().Be(0);
    }

    [Fact]
    public void Build_ParentLinksLoop_EveryRowOnceFromTheEarliest()
    {
        var waterfall = TraceWaterfall.Build([Span("x", "y", 20, 30), Span("y", "x", 10, 40), Span("self", "self", 50, 60)]);

        waterfall.Rows.Select(r => (r.Span.SpanId, r.Depth, r.ParentMissing)).Should().Equal(("self", 0, true), ("y", 0, true), ("x", 1, false));
    }

    [Fact]
    public void Build_Services_InOrderOfFirstRow()
    {
        var waterfall = TraceWaterfall.Build([Span("b", "a", 10, 20, "hotel"), Span("a", null, 0, 100, "frontend"), Span("c", "a", 30, 40, "hotel")]);

        waterfall.Services.Should().Equal("frontend", "hotel");
        waterfall.Rows.Select(r => r.ServiceIndex).Should().Equal(0, 1, 1);
    }

    [Fact]
    public void Build_NoSpans_NoRows()
    {
        var waterfall = TraceWaterfall.Build([]);

        waterfall.Rows.Should().BeEmpty();
        waterfall.Services.Should().BeEmpty();
    }

    [Fact]
    public void OffsetMs_EventTime_CountsFromTheTraceStart()
    {
        var waterfall = TraceWaterfall.Build([Span("a", null, 5_000_000, 9_000_000)]);

        waterfall.OffsetMs("7500000").Should().Be(2.5);
    }

    private static SpanView Span(string id, string? parent, long start, long end, string service = "svc") => new(
        "0af7651916cd43dd8448eb211c80319c", id, parent, "op " + id, "server",
        start.ToString(CultureInfo.InvariantCulture), end.ToString(CultureInfo.InvariantCulture), Math.Max(0, end - start) / 1e6,
        "unset", null, service, null, new Dictionary<string, object?>(), [], [], new Dictionary<string, object?>(), "test");
}
