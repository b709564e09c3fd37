using AIOps.Travel.Balancing;
using AIOps.Travel.Discovery;

namespace AIOps.Travel.Tests.Balancing;

public sealed class BalancingStrategyTests
{
    private static List<InstanceState> Instances(params int[] weights) =>
        [.. weights.Select((w, i) => new InstanceState(new ServiceInstance("hotel", $"hotel-{i + 1}", $"http://127.0.0.1:{41000 + i}", "1", w, 0)))];

    private static Dictionary<string, int> Distribute(IBalancingStrategy strategy, List<InstanceState> instances, int picks, Func<int, string?>? clientKey = null)
    {
        var counts = instances.ToDictionary(i => i.Instance.InstanceId, _ => 0);
        for (var n = 0; n < picks; n++)
        {
            counts[strategy.Pick(instances, clientKey?.Invoke(n)).Instance.InstanceId]++;
        }

        return counts;
    }

    [Fact]
    public void RoundRobin_ManyPicks_EachReplicaEqually()
    {
        var counts = Distribute(new RoundRobinStrategy(), Instances(1, 1, 1), 300);

        counts.Values.Should().AllBeEquivalentTo(100);
    }

    [Fact]
    public void RoundRobin_ConsecutivePicks_NeverTheSameReplicaTwice()
    {
        var strategy = new RoundRobinStrategy();
        var instances = Instances(1, 1, 1);
        var picks = Enumerable.Range(0, 30).Select(_ => strategy.Pick(instances, null)).ToList();

        picks.Zip(picks.Skip(1)).Should().OnlyContain(p => p.First != p.Second);
    }

    [Fact]
    public void WeightedRoundRobin_Weights5To1To1_PicksInThatRatioAndInterleaved()
    {
        var strategy = new WeightedRoundRobinStrategy();
        var instances = Instances(5, 1, 1);

        var window = Enumerable.Range(0, 7).Select(_ => strategy.Pick(instances, null).Instance.InstanceId).ToList();
        var counts = Distribute(strategy, instances, 700);

        counts.Should().Equal(new Dictionary<string, int> { ["hotel-1"] = 500, ["hotel-2"] = 100, ["hotel-3"] = 100 });
        // Smooth: the heavy replica never takes more than three picks in a row within a cycle of 7.
        window.Count(id => id == "hotel-1").Should().Be(5);
        string.Join(",", window).Should().NotContain("hotel-1,hotel-1,hotel-1,hotel-1");
    }

    [Fact]
    public void LeastConnections_OneReplicaBusy_PicksTheIdleOnes()
    {
        var instances = Instances(1, 1, 1);
        for (var i = 0; i < 5; i++)
        {
            instances[0].Begin();
        }

        instances[1].Begin();
        var strategy = new LeastConnectionsStrategy();

        var picks = Enumerable.Range(0, 20).Select(_ => strategy.Pick(instances, null).Instance.InstanceId).Distinct().ToList();

        picks.Should().Equal("hotel-3");
    }

    [Fact]
    public void LeastConnections_AllIdle_SpreadsTheLoad()
    {
        var counts = Distribute(new LeastConnectionsStrategy(), Instances(1, 1, 1), 300);

        counts.Values.Should().OnlyContain(c => c == 100);
    }

    [Fact]
    public void IpHash_SameClient_AlwaysSameReplica()
    {
        var strategy = new IpHashStrategy();
        var instances = Instances(1, 1, 1);

        var picks = Enumerable.Range(0, 50).Select(_ => strategy.Pick(instances, "198.18.0.7").Instance.InstanceId).Distinct();

        picks.Should().ContainSingle();
    }

    [Fact]
    public void IpHash_ManyClients_SpreadOverAllReplicas()
    {
        var counts = Distribute(new IpHashStrategy(), Instances(1, 1, 1), 3000, n => $"198.18.{n / 256}.{n % 256}");

        counts.Values.Should().OnlyContain(c => c > 800 && c < 1200);
    }

    [Fact]
    public void IpHash_ReplicaLeaves_OnlyItsClientsMove()
    {
        var strategy = new IpHashStrategy();
        var instances = Instances(1, 1, 1);
        var clients = Enumerable.Range(0, 600).Select(n => $"198.18.1.{n}").ToList();
        var before = clients.ToDictionary(c => c, c => strategy.Pick(instances, c).Instance.InstanceId);

        var remaining = instances.Where(i => i.Instance.InstanceId != "hotel-2").ToList();
        var after = clients.ToDictionary(c => c, c => strategy.Pick(remaining, c).Instance.InstanceId);

        clients.Where(c => before[c] != "hotel-2").Should().OnlyContain(c => after[c] == before[c]);
        clients.Where(c => before[c] == "hotel-2").Should().NotBeEmpty();
    }

    [Fact]
    public void LeastResponseTime_OneSlowReplica_GetsNoTrafficWhileOthersAreFast()
    {
        var instances = Instances(1, 1, 1);
        instances[0].Begin();
        instances[0].End(TimeSpan.FromMilliseconds(200));
        instances[1].Begin();
        instances[1].End(TimeSpan.FromMilliseconds(10));
        instances[2].Begin();
        instances[2].End(TimeSpan.FromMilliseconds(12));
        var strategy = new LeastResponseTimeStrategy();

        var counts = Distribute(strategy, instances, 300);

        counts["hotel-1"].Should().Be(0);
        counts["hotel-2"].Should().BeGreaterThan(counts["hotel-3"]);
        counts["hotel-3"].Should().BeGreaterThan(0, "equally fast replicas share the load");
    }

    [Fact]
    public void LatencyAt_ReplicaSlowOnceThenIdle_DecaysSoThatItIsTriedAgain()
    {
        var instances = Instances(1, 1);
        instances[0].Begin();
        instances[0].End(TimeSpan.FromMilliseconds(300));
        instances[1].Begin();
        instances[1].End(TimeSpan.FromMilliseconds(20));
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var later = now + (10 * System.Diagnostics.Stopwatch.Frequency);

        instances[0].LatencyAt(now).Should().BeApproximately(300, 5);
        instances[0].LatencyAt(later).Should().BeLessThan(3, "ten seconds idle is five decay times");
        LeastResponseTimeStrategy.Cost(instances[0], later).Should().BeLessThan(LeastResponseTimeStrategy.Cost(instances[1], now));
    }

    [Fact]
    public void PeakEwma_SlowerAnswer_CountsAtOnce()
    {
        var state = Instances(1)[0];
        state.Begin();
        state.End(TimeSpan.FromMilliseconds(5));
        state.Begin();
        state.End(TimeSpan.FromMilliseconds(250));

        state.EwmaLatencyMs.Should().BeApproximately(250, 0.01);
    }

    [Fact]
    public void LeastResponseTime_UnmeasuredReplica_IsTriedFirst()
    {
        var instances = Instances(1, 1);
        instances[0].Begin();
        instances[0].End(TimeSpan.FromMilliseconds(1));

        new LeastResponseTimeStrategy().Pick(instances, null).Instance.InstanceId.Should().Be("hotel-2");
    }

    [Theory]
    [InlineData("round-robin", BalancingStrategyKind.RoundRobin)]
    [InlineData("least-connections", BalancingStrategyKind.LeastConnections)]
    [InlineData("weighted-round-robin", BalancingStrategyKind.WeightedRoundRobin)]
    [InlineData("ip-hash", BalancingStrategyKind.IpHash)]
    [InlineData("least-response-time", BalancingStrategyKind.LeastResponseTime)]
    public void Names_RoundTrip_ToTheSameStrategy(string name, BalancingStrategyKind kind)
    {
        BalancingStrategyNames.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(kind);
        BalancingStrategies.Create(kind).Kind.Should().Be(kind);
        BalancingStrategyNames.ToName(kind).Should().Be(name);
    }
}
