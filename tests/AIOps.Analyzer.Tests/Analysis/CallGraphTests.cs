using AIOps.Analyzer.Analysis;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class CallGraphTests
{
    [Theory]
    [InlineData("gateway", "order", true)]
    [InlineData("payment", "gateway", true)]
    [InlineData("hotel", "flight", false)]
    [InlineData("notification", "hotel", false)]
    [InlineData("gateway", "unknown", false)]
    public void Linked_AlongCallChainsEitherWay_ButNotAcrossSiblings(string a, string b, bool expected)
    {
        var graph = new CallGraph([("gateway", "order"), ("order", "payment"), ("gateway", "hotel"), ("gateway", "flight"), ("order", "hotel"), ("payment", "notification"), ("order", "order")]);

        graph.Linked(a, b).Should().Be(expected);
    }
}
