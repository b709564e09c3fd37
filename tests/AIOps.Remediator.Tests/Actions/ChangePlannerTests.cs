using AIOps.Remediator.Actions;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Actions;

public sealed class ChangePlannerTests
{
    private static readonly ServiceReplicas s_twoOfHotel = new(2, 2, ["hotel-1", "hotel-2"]);

    private static PolicyAction Action(RemediationActionType type, string? replicas = null, int min = 1, int max = 6, int minHealthy = 1, double rate = 0) => new()
    {
        Type = type,
        Replicas = replicas is null ? null : ReplicaChange.TryParse(replicas, out _),
        MinReplicas = min,
        MaxReplicas = max,
        MinHealthy = minHealthy,
        RatePerReplica = rate,
        Headroom = 0.3,
    };

    [Theory]
    [InlineData("+1", 6, 3, "scale hotel from 2 to 3 replicas")]
    [InlineData("x2", 6, 4, "scale hotel from 2 to 4 replicas")]
    [InlineData("+3", 3, 3, "scale hotel from 2 to 3 replicas")]
    public void Plan_ScaleOut_WithinMaxReplicas(string replicas, int max, int to, string summary)
    {
        ChangePlanner.Plan(Action(RemediationActionType.ScaleOut, replicas, max: max), "hotel", null, s_twoOfHotel)
            .Should().Be(new PlannedChange(summary, null, 2, to));
    }

    [Fact]
    public void Plan_ScaleOut_AtTheMaximum_DoesNothingAndSaysWhy()
    {
        ChangePlanner.Plan(Action(RemediationActionType.ScaleOut, "+1", max: 2), "hotel", null, s_twoOfHotel)
            .Should().Be(PlannedChange.None("hotel already runs 2 replicas; at most 2 can run"));
    }

    [Fact]
    public void Plan_ScaleIn_BackToWhereItWasNeverBelowMin()
    {
        var four = s_twoOfHotel with { Desired = 4 };

        ChangePlanner.Plan(Action(RemediationActionType.ScaleIn, min: 1), "hotel", null, four, restoreTo: 2).ToReplicas.Should().Be(2);
        ChangePlanner.Plan(Action(RemediationActionType.ScaleIn, min: 3), "hotel", null, four, restoreTo: 2).ToReplicas.Should().Be(3);
        ChangePlanner.Plan(Action(RemediationActionType.ScaleIn, min: 1), "hotel", null, s_twoOfHotel, restoreTo: 2).Nothing.Should().BeTrue();
    }

    [Fact]
    public void Plan_RestartInstance_TheNamedInstanceKeepingMinHealthy()
    {
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance), "hotel", "hotel-2", s_twoOfHotel)
            .Should().Be(new PlannedChange("restart hotel-2 (hotel)", "hotel-2", null, null));
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance, minHealthy: 2), "hotel", "hotel-2", s_twoOfHotel)
            .Summary.Should().Be("hotel has 2 ready; restarting hotel-2 would leave fewer than min_healthy 2");
    }

    [Fact]
    public void Plan_RestartInstance_ACrashedInstanceTakesNothingFromTheReadyOnes()
    {
        var oneCrashed = new ServiceReplicas(2, 1, ["hotel-1", "hotel-2"], NotReady: ["hotel-2"]);

        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance, minHealthy: 1), "hotel", "hotel-2", oneCrashed).Nothing.Should().BeFalse();
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance, minHealthy: 1), "hotel", "hotel-1", oneCrashed).Nothing.Should().BeTrue();
    }

    [Fact]
    public void Plan_RestartInstance_NoInstanceNamedButOneIsDown_RestartsThatOne()
    {
        var oneCrashed = new ServiceReplicas(2, 1, ["hotel-1", "hotel-2"], NotReady: ["hotel-2"]);

        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance), "hotel", null, oneCrashed).Instance.Should().Be("hotel-2");
    }

    [Fact]
    public void Plan_RestartInstance_NoInstanceNamedAmongSeveral_DoesNothing()
    {
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance), "hotel", null, s_twoOfHotel)
            .Should().Be(PlannedChange.None("the cause names no instance of hotel, and it runs 2"));
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance, minHealthy: 0), "hotel", null, new ServiceReplicas(1, 1, ["hotel-1"]))
            .Instance.Should().Be("hotel-1", "a lone instance is the one");
        ChangePlanner.Plan(Action(RemediationActionType.RestartInstance), "hotel", "hotel-9", s_twoOfHotel).Summary.Should().Be("hotel-9 is not a running instance of hotel");
    }

    [Fact]
    public void Plan_RollingRestart_NeedsMinHealthyReady()
    {
        ChangePlanner.Plan(Action(RemediationActionType.RollingRestart, minHealthy: 1), "hotel", null, s_twoOfHotel).Nothing.Should().BeFalse();
        ChangePlanner.Plan(Action(RemediationActionType.RollingRestart, minHealthy: 3), "hotel", null, s_twoOfHotel).Nothing.Should().BeTrue();
    }

    [Fact]
    public void Plan_ScaleOut_StopsAtThePlatformsMaximum()
    {
        // The demo's gateway listens on a fixed port: the platform runs one, whatever the policy allows.
        var gateway = new ServiceReplicas(1, 1, ["gateway-1"], Max: 1);

        ChangePlanner.Plan(Action(RemediationActionType.ScaleOut, max: 6), "gateway", null, gateway)
            .Should().Be(PlannedChange.None("gateway already runs 1 replicas; at most 1 can run"));
    }
}
