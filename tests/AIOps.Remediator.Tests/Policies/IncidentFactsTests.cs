using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Policies;

public sealed class IncidentFactsTests
{
    private static IncidentSignal Signal(string service, Indicator indicator) =>
        new(service, null, indicator, DateTimeOffset.UnixEpoch, null, 1, 2, 2, 0.9, "Value", $"{indicator} up on {service}");

    internal static Incident Incident(IReadOnlyList<RankedCause> causes, params IncidentSignal[] signals) => new()
    {
        Id = "i1",
        Status = IncidentStatus.Open,
        OpenedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Title = signals[0].Text,
        Services = [.. signals.Select(s => s.Service).Distinct()],
        Signals = signals,
        Timeline = [],
        Causes = causes,
    };

    [Fact]
    public void From_RankedIncident_ActsOnTheTopCauseAndItsInstance()
    {
        var incident = Incident(
            [new RankedCause("hotel", 1, "memory", null, "hotel-2", []), new RankedCause("gateway", 0.3, "latency", null, null, [])],
            Signal("gateway", Indicator.LatencyP95), Signal("hotel", Indicator.Memory));

        IncidentFacts.From(incident).Should().BeEquivalentTo(new
        {
            Source = "incident",
            Service = "hotel",
            Instance = "hotel-2",
            CauseIndicator = "memory",
            Signals = new HashSet<string> { "LatencyP95", "Memory" },
            Severity = "critical",
        });
    }

    [Fact]
    public void From_Unranked_TheFirstServiceWithASignalAndNoIndicator()
    {
        var facts = IncidentFacts.From(Incident([], Signal("flight", Indicator.Cpu), Signal("order", Indicator.LatencyP95)));

        facts.Should().BeEquivalentTo(new { Service = "flight", Instance = (string?)null, CauseIndicator = (string?)null });
    }

    [Theory]
    [InlineData("hotel", Indicator.ErrorRate, "critical")]
    [InlineData("gateway", Indicator.LatencyP99, "critical")]
    [InlineData("hotel", Indicator.LatencyP95, "warning")]
    [InlineData("gateway", Indicator.RequestRate, "warning")]
    [InlineData("hotel", Indicator.Memory, "info")]
    [InlineData("hotel", Indicator.ThreadPoolQueue, "info")]
    public void Severity_HowUsersFeelIt(string service, Indicator indicator, string severity)
    {
        IncidentFacts.Severity(Incident([], Signal(service, indicator))).Should().Be(severity);
    }
}
