using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class ServiceMapLayoutTests
{
    [Fact]
    public void Arrange_Chain_OneLayerPerHopFromTheEntry()
    {
        var layout = ServiceMapLayout.Arrange(["hotel", "frontend", "gateway"], [("gateway", "frontend"), ("frontend", "hotel")]);

        Layers(layout).Should().Equal(new Dictionary<string, int> { ["gateway"] = 0, ["frontend"] = 1, ["hotel"] = 2 });
        layout.Layers.Should().Be(3);
        layout.Find("gateway")!.X.Should().BeLessThan(layout.Find("frontend")!.X);
        layout.Find("frontend")!.X.Should().BeLessThan(layout.Find("hotel")!.X);
    }

    [Fact]
    public void Arrange_CalledFromTwoDepths_OneLayerRightOfItsDeepestCaller()
    {
        var layout = ServiceMapLayout.Arrange([], [("gateway", "booking"), ("gateway", "payment"), ("booking", "payment"), ("payment", "ledger")]);

        Layers(layout).Should().Equal(new Dictionary<string, int> { ["gateway"] = 0, ["booking"] = 1, ["payment"] = 2, ["ledger"] = 3 });
    }

    [Fact]
    public void Arrange_FanOut_SpreadsALayerVertically()
    {
        var layout = ServiceMapLayout.Arrange([], [("gateway", "hotel"), ("gateway", "flight"), ("gateway", "search")]);

        var layer = layout.Nodes.Where(n => n.Layer == 1).ToList();
        layer.Select(n => n.Name).Should().Equal("flight", "hotel", "search");
        layer.Select(n => n.X).Distinct().Should().ContainSingle();
        layer.Select(n => n.Y).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (layer[1].Y - layer[0].Y).Should().BeGreaterThanOrEqualTo(ServiceMapLayout.NodeHeight, "boxes do not overlap");
        layout.Height.Should().BeGreaterThan(layer[^1].Y + ServiceMapLayout.NodeHeight);
        var gateway = layout.Find("gateway")!;
        (gateway.Y + (ServiceMapLayout.NodeHeight / 2)).Should().BeApproximately(layer[1].Y + (ServiceMapLayout.NodeHeight / 2), 0.01, "a lone entry is centred on the layer it calls");
    }

    [Fact]
    public void Arrange_Cycle_ToleratedAndEveryServicePlacedOnce()
    {
        var layout = ServiceMapLayout.Arrange(["gateway"], [("gateway", "orders"), ("orders", "stock"), ("stock", "orders"), ("stock", "stock")]);

        Layers(layout).Should().Equal(new Dictionary<string, int> { ["gateway"] = 0, ["orders"] = 1, ["stock"] = 2 });
    }

    [Fact]
    public void Arrange_CycleWithoutEntry_StartsFromTheFirstByName()
    {
        var layout = ServiceMapLayout.Arrange([], [("b", "c"), ("c", "a"), ("a", "b")]);

        Layers(layout).Should().Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 });
    }

    [Fact]
    public void Arrange_ServiceWithoutCalls_InTheFirstLayer()
    {
        var layout = ServiceMapLayout.Arrange(["batch", "gateway", "hotel"], [("gateway", "hotel")]);

        layout.Find("batch")!.Layer.Should().Be(0);
        layout.Nodes.Should().HaveCount(3);
    }

    [Fact]
    public void Arrange_Nothing_EmptyMap()
    {
        var layout = ServiceMapLayout.Arrange([], []);

        layout.Nodes.Should().BeEmpty();
        layout.Layers.Should().Be(0);
    }

    [Fact]
    public void Arrange_CalleesOfOneCaller_StayNextToIt()
    {
        // Two entries, each calling its own pair: the pairs stay in their caller's order, not mixed by name.
        var layout = ServiceMapLayout.Arrange([], [("web", "a-web"), ("web", "b-web"), ("api", "z-api"), ("api", "y-api")]);

        layout.Nodes.Where(n => n.Layer == 1).Select(n => n.Name).Should().Equal("y-api", "z-api", "a-web", "b-web");
    }

    [Fact]
    public void Edge_Forward_FromTheCallersRightToTheCalleesLeft()
    {
        var layout = ServiceMapLayout.Arrange([], [("gateway", "hotel")]);
        var (gateway, hotel) = (layout.Find("gateway")!, layout.Find("hotel")!);

        var path = layout.Edge("gateway", "hotel")!;

        path.D.Should().StartWith(FormattableString.Invariant($"M{gateway.X + ServiceMapLayout.NodeWidth},{gateway.Y + 22} C"))
            .And.EndWith(FormattableString.Invariant($" {hotel.X},{hotel.Y + 22}"));
        path.LabelX.Should().BeInRange(gateway.X + ServiceMapLayout.NodeWidth, hotel.X);
    }

    [Fact]
    public void Edge_BackToAnEarlierLayerOrItself_CurvesAndIsStillDrawn()
    {
        var layout = ServiceMapLayout.Arrange([], [("gateway", "orders"), ("orders", "stock"), ("stock", "orders")]);

        layout.Edge("stock", "orders")!.LabelY.Should().BeGreaterThan(layout.Find("stock")!.Y + ServiceMapLayout.NodeHeight, "a call back runs under the boxes");
        layout.Edge("orders", "orders")!.D.Should().StartWith("M");
        layout.Edge("gateway", "nowhere").Should().BeNull();
    }

    private static Dictionary<string, int> Layers(ServiceMapLayout layout) => layout.Nodes.ToDictionary(n => n.Name, n => n.Layer);
}
