using System.Text.RegularExpressions;
using AIOps.Dashboard.Components.Pages;
using AIOps.Remediator.Actions;

namespace AIOps.Dashboard.Tests.Components.Pages;

public sealed class OverviewTests : SeededPageTests
{
    [Fact]
    public async Task Render_SeededServices_ListsEveryServiceWithItsNumbersAndHealth()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 300, errorShare: 0.1, caller: "gateway");
        await Platform.ServeAsync("flight", "GET /flights", 300, caller: "gateway");

        var html = await Platform.RenderAsync<Overview>();

        Row(html, "gateway").Should().Contain("<a href=\"/services/gateway\">gateway</a>").And.Contain("<span class=\"badge ok\">ok</span>");
        Row(html, "flight").Should().Contain("<a href=\"/services/flight\">flight</a>").And.Contain("<span class=\"badge ok\">ok</span>")
            .And.Contain("<td class=\"num\">0.167</td>", "300 requests over 30 minutes are 0.167/s, and the last 5 minutes hold 50 of them");
        Row(html, "hotel").Should().Contain("<span class=\"badge bad\">bad</span>", "10 % errors break a 99.5 % objective")
            .And.Contain(">10 %<")
            .And.Contain(Encoded("error rate 10 % above the objective's 0.5 %"))
            .And.Contain("spent", "30 errors against 1.5 allowed over the range");
        html.Should().Contain("99.5 %, 500 ms");
    }

    [Fact]
    public async Task Render_ServiceOverItsLatencyObjective_FlagsItBad()
    {
        Platform.Objectives.Services["flight"] = new Dashboard.Model.ServiceObjectiveOverride { LatencyP95Ms = 100 };
        await Platform.ServeAsync("flight", "GET /flights", 200, ms: 250);
        await Platform.ServeAsync("hotel", "GET /hotels", 200, ms: 250);

        var html = await Platform.RenderAsync<Overview>();

        Row(html, "flight").Should().Contain("<span class=\"badge bad\">bad</span>").And.Contain("99.5 %, 100 ms").And.Contain(Encoded("above the objective's 100 ms"));
        Row(html, "hotel").Should().Contain("<span class=\"badge ok\">ok</span>", "250 ms is within the default 500 ms");
    }

    [Fact]
    public async Task Render_OpenIncident_ListedWithLinkServicesAndTopCause()
    {
        await Platform.ServeAsync("booking", "POST /book", 100);
        var incident = Platform.OpenIncident("inc-42", "hotel", "booking", "hotel");

        var html = await Platform.RenderAsync<Overview>();

        html.Should().Contain($"<a href=\"/incidents/inc-42\">{Encoded(incident.Title)}</a>")
            .And.Contain("<a class=\"chip\" href=\"/services/hotel\">hotel</a>")
            .And.Contain(Encoded("hotel · latency · GET /hotels · hotel-2 (0.87)"))
            .And.Contain("1 open incident");
        Row(html, "booking").Should().Contain("<span class=\"badge warn\">warn</span>", "an open incident makes a healthy service at least warn")
            .And.Contain("open incident");
    }

    [Fact]
    public async Task Render_Actions_ListsOnlyThoseInProgressLinkingToRemediation()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 100);
        Platform.Action("a-proposed", "hotel", ActionState.Proposed);
        Platform.Action("a-verifying", "search", ActionState.Verifying);
        Platform.Action("a-done", "payment", ActionState.Succeeded);
        Platform.Action("a-rejected", "flight", ActionState.Rejected);

        var html = await Platform.RenderAsync<Overview>();

        html.Should().Contain("scale hotel from 1 to 2 replicas").And.Contain("scale search from 1 to 2 replicas")
            .And.Contain("<span class=\"badge warn\">proposed</span>").And.Contain("<span class=\"badge ok\">verifying</span>")
            .And.Contain("<a href=\"/remediation\">ScaleOut</a>")
            .And.Contain("2 actions in progress")
            .And.NotContain("scale payment").And.NotContain("scale flight");
    }

    [Fact]
    public async Task Render_NoTelemetry_SaysSoAndNothingIsOpen()
    {
        var html = await Platform.RenderAsync<Overview>();

        html.Should().Contain("No telemetry in this range").And.Contain("No open incident.").And.Contain("No remediation action in progress.")
            .And.Contain("data-live=\"overview\"");
    }

    [Fact]
    public async Task Render_Forecast_ChartsTheChosenServiceAgainstItsBandAndListsItsValue()
    {
        await Platform.ServeAsync("hotel", "GET /hotels", 900);
        await Platform.ServeAsync("flight", "GET /flights", 300);
        Platform.Forecasts.Refresh();

        var html = await Platform.RenderAsync<Overview>("/?service=flight");

        html.Should().Contain("data-chart=\"flight: requests/s\"").And.Contain("<span class=\"key band\">forecast 95 %</span>")
            .And.Contain("<a class=\"chip selected\" href=\"/?service=flight#forecast\">flight</a>");
        Row(html, "hotel").Should().Contain("href=\"/?service=hotel#forecast\"", "the forecast column links to the service's chart");
    }

    private static string Row(string html, string service)
    {
        var match = RowPattern(service).Match(html);
        match.Success.Should().BeTrue($"the overview lists {service}");
        return match.Value;
    }

    private static Regex RowPattern(string service) => new($"<tr class=\"\\w+\" data-service=\"{Regex.Escape(service)}\">.*?</tr>", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
