using AIOps.Remediator.Scaling;

namespace AIOps.Remediator.Tests.Scaling;

public sealed class ScalingDemandTests
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(10);

    [Fact]
    public void Estimate_FlatTraffic_ProjectsNoRise()
    {
        var demand = ScalingDemand.Estimate([20, 20, 20, 20, 20, 20, 20], s_step, forecastPeak: 0, TimeSpan.FromSeconds(30));

        demand.Now.Should().Be(20);
        demand.Projected.Should().Be(20);
        demand.Rising.Should().Be(20);
    }

    [Fact]
    public void Estimate_RisingTraffic_ProjectsTheTrendOverTheReactionTime()
    {
        // Flat at 10 req/s for a minute, then +2 req/s every 10 s step: 30 s later, 6 more than the newest step.
        var demand = ScalingDemand.Estimate([10, 10, 10, 10, 10, 10, 10, 12, 14, 16, 18, 20], s_step, forecastPeak: 0, TimeSpan.FromSeconds(30));

        demand.Now.Should().BeApproximately(18, 1e-9, "the newest three steps");
        demand.Projected.Should().BeApproximately(26, 1e-9);
        demand.Rising.Should().BeApproximately(26, 1e-9);
    }

    [Fact]
    public void Estimate_AServiceStarting_IsNoTrend()
    {
        // A first window half full, then the steady rate: the start of the traffic, not a surge.
        var demand = ScalingDemand.Estimate([12, 25, 25, 26], s_step, forecastPeak: 0, TimeSpan.FromSeconds(30));

        demand.Projected.Should().Be(demand.Now);
    }

    [Fact]
    public void Estimate_NoisyPlateau_IsNotAnUpTrend()
    {
        // Up and down around 48 req/s: the fitted slope is small against its noise.
        var demand = ScalingDemand.Estimate([47, 49, 48, 50, 46, 48, 44, 52, 45, 50, 43, 51], s_step, forecastPeak: 0, TimeSpan.FromSeconds(30));

        demand.Projected.Should().Be(demand.Now);
    }

    [Fact]
    public void Estimate_FallingTraffic_NeverProjectsBelowNow_AndRemembersThePeak()
    {
        var demand = ScalingDemand.Estimate([60, 50, 40, 30, 20, 10], s_step, forecastPeak: 0, TimeSpan.FromSeconds(30));

        demand.Projected.Should().Be(demand.Now);
        demand.RecentPeak.Should().Be(60);
        demand.Settled.Should().Be(60, "scaling in waits until the whole window is low");
    }

    [Fact]
    public void Estimate_ForecastPeakAboveTraffic_Leads()
    {
        var demand = ScalingDemand.Estimate([20, 20, 20], s_step, forecastPeak: 55, TimeSpan.FromSeconds(30));

        demand.Rising.Should().Be(55);
    }

    [Theory]
    [InlineData(40, 40, 0.3, 2)]    // 52 / 40 -> 2
    [InlineData(30, 40, 0.3, 1)]    // 39 / 40 -> 1
    [InlineData(100, 40, 0.3, 4)]   // 130 / 40 = 3.25 -> 4
    [InlineData(40, 40, 0, 1)]      // exactly one replica's worth
    public void Replicas_CoverTheDemandWithHeadroom(double demand, double rate, double headroom, int replicas) =>
        ScalingDemand.Replicas(demand, rate, headroom).Should().Be(replicas);
}
