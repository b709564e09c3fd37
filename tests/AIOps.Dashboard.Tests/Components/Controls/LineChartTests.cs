using AIOps.Dashboard.Components.Controls;
using AIOps.Dashboard.Model.Charts;

namespace AIOps.Dashboard.Tests.Components.Controls;

public sealed class LineChartTests
{
    private static readonly DateTimeOffset s_from = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_SeriesBandMarkerAndObjective_DrawsAxesLinesAndHoverValues()
    {
        var points = Enumerable.Range(0, 6).Select(i => new ChartPoint(s_from.AddMinutes(i * 10), i == 3 ? null : 100 + (i * 20))).ToList();
        var band = Enumerable.Range(0, 6).Select(i => (s_from.AddMinutes(i * 10), 80d, 140d + i)).ToList();

        var html = await RenderAsync(new Dictionary<string, object?>
        {
            ["Title"] = "p95 latency",
            ["Unit"] = "ms",
            ["From"] = s_from,
            ["To"] = s_from.AddHours(1),
            ["Series"] = new[] { new ChartSeries("p95", points) },
            ["Band"] = new ChartBand("forecast 95 %", band),
            ["Markers"] = new[] { new ChartMarker(s_from.AddMinutes(20), s_from.AddMinutes(35), "latency up on hotel") },
            ["Threshold"] = 500d,
        });

        html.Should().Contain("<span class=\"chart-title\">p95 latency</span>")
            .And.Contain("<text class=\"axis y\"").And.Contain(">600 ms</text>")
            .And.Contain(">09:10</text>").And.Contain(">10:00</text>")
            .And.Contain("<path class=\"band\"")
            .And.Contain("<title>latency up on hotel</title>")
            .And.Contain("<title>objective: 500 ms</title>")
            .And.Contain("<title>09:20:00 UTC&#xA;p95: 140 ms&#xA;forecast 95 %: 80 ms to 142 ms</title>");
        var line = System.Text.RegularExpressions.Regex.Match(html, "<path class=\"line primary\" d=\"([^\"]*)\"").Groups[1].Value;
        line.Split('M', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "the missing point breaks the line");
        html.Should().NotContain("No data in this range");
    }

    [Fact]
    public async Task Render_NoValues_SaysSo()
    {
        var html = await RenderAsync(new Dictionary<string, object?>
        {
            ["Title"] = "errors",
            ["From"] = s_from,
            ["To"] = s_from.AddHours(1),
            ["Series"] = new[] { new ChartSeries("errors", [new ChartPoint(s_from, null)]) },
        });

        html.Should().Contain("No data in this range.");
    }

    private static Task<string> RenderAsync(IDictionary<string, object?> parameters) =>
        ComponentRenderer.RenderAsync<LineChart>(ComponentRenderer.Request(s_from.AddHours(1)), _ => { }, parameters);
}
