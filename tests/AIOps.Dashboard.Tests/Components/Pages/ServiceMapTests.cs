using System.Text.RegularExpressions;
using AIOps.Dashboard.Components.Pages;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class ServiceMapTests : SeededPageTests
{
    [Fact]
    public async Task Render_Calls_OneNodePerServiceAndOneEdgePerCallPairWithItsRate()
    {
        await Platform.ServeAsync("booking", "POST /book", 360, caller: "gateway");
        await Platform.ServeAsync("hotel", "GET /hotels", 180, caller: "booking");
        await Platform.ServeAsync("hotel", "GET /rooms", 180, caller: "booking");

        var html = await Platform.RenderAsync<ServiceMap>("/map");

        Matches(html, "<g class=\"node [a-z]+\" data-service=\"([a-z]+)\">").Should().BeEquivalentTo("gateway", "booking", "hotel");
        Matches(html, "<g class=\"edge [a-z]+\" data-edge=\"([a-z]+ -&gt; [a-z]+)\">").Should().BeEquivalentTo("gateway -&gt; booking", "booking -&gt; hotel");
        html.Should().Contain(">0.1/s</text>", "360 calls over the hour's range are 0.1 a second")
            .And.Contain("<a href=\"/services/hotel\">")
            .And.Contain("<td class=\"num\">360</td>")
            .And.Contain("data-live=\"map\"");
    }

    [Fact]
    public async Task Render_FailingCallee_NodeAndEdgeColouredBad()
    {
        await Platform.ServeAsync("payment", "POST /pay", 200, errorShare: 0.25, caller: "gateway");
        await Platform.ServeAsync("hotel", "GET /hotels", 200, caller: "gateway");

        var html = await Platform.RenderAsync<ServiceMap>("/map");

        html.Should().Contain("<g class=\"node bad\" data-service=\"payment\">").And.Contain("<g class=\"node ok\" data-service=\"hotel\">")
            .And.Contain("<g class=\"edge bad\" data-edge=\"gateway -&gt; payment\">").And.Contain("<g class=\"edge ok\" data-edge=\"gateway -&gt; hotel\">")
            .And.Contain(Encoded("gateway → payment: 0.056 calls/s, 25 % errors, p95 21 ms"), "200 calls over the hour's range, a quarter failing");
    }

    [Fact]
    public async Task Render_NoTelemetry_SaysSo()
    {
        var html = await Platform.RenderAsync<ServiceMap>("/map");

        html.Should().Contain("No calls or services in this range").And.NotContain("<svg");
    }

    private static List<string> Matches(string html, string pattern) =>
        [.. Regex.Matches(html, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)).Select(m => m.Groups[1].Value)];
}
