using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Policies;

public sealed class PolicyMatcherTests
{
    private static readonly TriggerFacts s_hotelMemory = new("incident", "hotel", "hotel-2", "memory", new HashSet<string> { "Memory", "LatencyP95" }, "warning");

    private static RemediationPolicy Policy(string name, RemediationActionType type, PolicyMatch match, RemediationMode mode = RemediationMode.Auto) =>
        new() { Name = name, Mode = mode, Match = match, Action = new PolicyAction { Type = type } };

    [Theory]
    [InlineData(null, null, null, null, true)]
    [InlineData("hotel,flight", null, null, null, true)]
    [InlineData("flight", null, null, null, false)]
    [InlineData(null, "memory,saturation", null, null, true)]
    [InlineData(null, "cpu", null, null, false)]
    [InlineData(null, null, "Cpu,LatencyP95", null, true)]
    [InlineData(null, null, "ErrorRate", null, false)]
    [InlineData(null, null, null, "critical", false)]
    [InlineData("HOTEL", "Memory", "LatencyP95", "warning,critical", true)]
    public void Matches_EveryNonEmptyListMustHoldTheValue(string? services, string? indicators, string? signals, string? severities, bool expected)
    {
        static IReadOnlyList<string> List(string? csv) => csv is null ? [] : csv.Split(',');
        var match = new PolicyMatch { Services = List(services), CauseIndicators = List(indicators), Signals = List(signals), Severities = List(severities) };

        PolicyMatcher.Matches(match, s_hotelMemory).Should().Be(expected);
    }

    [Fact]
    public void Matches_AlertsOnlyMatchAlertPolicies()
    {
        var alertsOnly = new PolicyMatch { Sources = ["alert"], AlertNames = ["HighMemory"] };
        var alert = s_hotelMemory with { Source = "alert", AlertName = "HighMemory" };

        PolicyMatcher.Matches(alertsOnly, s_hotelMemory).Should().BeFalse();
        PolicyMatcher.Matches(alertsOnly, alert).Should().BeTrue();
        PolicyMatcher.Matches(alertsOnly, alert with { AlertName = "Other" }).Should().BeFalse();
    }

    [Fact]
    public void Select_ReactiveTypesInFileOrder_LeavingOutOffPolicies()
    {
        var set = new PolicySet
        {
            Policies =
            [
                Policy("scale-in", RemediationActionType.ScaleIn, new PolicyMatch()),
                Policy("restart", RemediationActionType.RestartInstance, new PolicyMatch { CauseIndicators = ["memory"] }),
                Policy("disabled", RemediationActionType.RollingRestart, new PolicyMatch(), RemediationMode.Off),
                Policy("scale-out", RemediationActionType.ScaleOut, new PolicyMatch()),
                Policy("cpu", RemediationActionType.ScaleOut, new PolicyMatch { CauseIndicators = ["cpu"] }),
            ],
        };

        PolicyMatcher.Select(set, s_hotelMemory, PolicyMatcher.Reactive).Select(p => p.Name).Should().Equal("restart", "scale-out");
        PolicyMatcher.Select(set, s_hotelMemory, [RemediationActionType.ScaleIn]).Select(p => p.Name).Should().Equal("scale-in");
    }
}
