using AIOps.Remediator.Drivers;
using AIOps.Remediator.Policies;
using AIOps.Remediator.Scaling;

namespace AIOps.Remediator.Tests.Scaling;

public sealed class PredictivePlannerTests
{
    private static readonly PolicyAction s_action = new()
    {
        Type = RemediationActionType.PredictiveScale, RatePerReplica = 40, Headroom = 0.3, MinReplicas = 1, MaxReplicas = 6,
    };

    private static ServiceReplicas Running(int n, int? floor = null) =>
        new(n, n, [.. Enumerable.Range(1, n).Select(i => $"hotel-{i}")], floor);

    private static ScalingDemand Demand(double rising, double recentPeak = 0) => new(rising, rising, 0, recentPeak);

    [Theory]
    [InlineData(100, 4)]   // 100 x 1.3 / 40 = 3.25 -> 4
    [InlineData(1000, 6)]  // capped at max_replicas
    public void Plan_RisingDemand_RaisesTheFloorWithHeadroom(double rising, int to)
    {
        var plan = PredictivePlanner.Plan(s_action, "hotel", Running(2), Demand(rising), raisedFrom: null);

        plan.Nothing.Should().BeFalse();
        plan.FromReplicas.Should().Be(2);
        plan.ToReplicas.Should().Be(to);
        plan.Summary.Should().StartWith($"raise hotel's replica floor from 2 to {to}");
    }

    [Fact]
    public void Plan_DemandCovered_DoesNothing()
    {
        PredictivePlanner.Plan(s_action, "hotel", Running(2), Demand(40), raisedFrom: null).Nothing.Should().BeTrue("52 req/s fits in two replicas of 40");
        PredictivePlanner.Plan(s_action, "hotel", Running(1, floor: 3), Demand(80), raisedFrom: null).Nothing.Should().BeTrue("the floor already covers it");
    }

    [Fact]
    public void Plan_NothingRaisedByPrediction_NeverLowers()
    {
        // Two replicas an operator chose, little traffic: predictive scaling leaves them alone.
        PredictivePlanner.Plan(s_action, "hotel", Running(2), Demand(5), raisedFrom: null).Nothing.Should().BeTrue();
    }

    [Fact]
    public void Plan_AfterTheSurge_LowersToWhatItRaisedFrom_OnceTheWindowIsLow()
    {
        PredictivePlanner.Plan(s_action, "hotel", Running(4), Demand(10, recentPeak: 100), raisedFrom: 1).Nothing
            .Should().BeTrue("the surge is still inside the stabilization window");

        var plan = PredictivePlanner.Plan(s_action, "hotel", Running(4), Demand(10, recentPeak: 20), raisedFrom: 1);

        plan.ToReplicas.Should().Be(1);
        plan.Summary.Should().StartWith("lower hotel from 4 to 1 replicas");
    }

    [Fact]
    public void Plan_Lowering_StopsAtTheReplicasBeforeTheFirstRaise()
    {
        PredictivePlanner.Plan(s_action, "hotel", Running(4), Demand(1), raisedFrom: 2).ToReplicas.Should().Be(2);
    }

    [Fact]
    public void Plan_ServiceNotRunning_DoesNothing()
    {
        // At start, before the platform's processes exist: raising "from 0" would later be taken for a baseline.
        PredictivePlanner.Plan(s_action, "hotel", new ServiceReplicas(0, 0, []), Demand(0), raisedFrom: null).Nothing.Should().BeTrue();
    }
}
