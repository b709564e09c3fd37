using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class DependencyWalkTests
{
    // gateway(0) -> order(1) -> payment(2), order(1) -> user(3)
    private static readonly (int, int)[] s_calls = [(0, 1), (1, 2), (1, 3)];

    [Fact]
    public void Compute_IsAProbability()
    {
        var share = DependencyWalk.Compute([1, 2, 3, 0.5], s_calls);

        share.Sum().Should().BeApproximately(1, 1e-9);
        share.Should().OnlyContain(p => p >= 0);
    }

    [Fact]
    public void Compute_CallersSlowedByTheirCallee_HandTheirWeightDownToIt()
    {
        // Gateway and order look as anomalous as payment, which they wait for; user is quiet.
        var share = DependencyWalk.Compute([1, 1, 1, 0], s_calls);

        share[2].Should().BeGreaterThan(share[1]).And.BeGreaterThan(share[0]);
        share[3].Should().Be(0, "nothing leads to a service with no anomaly");
    }

    [Fact]
    public void Compute_TheMostAnomalousCallerOfQuietCallees_KeepsItsWeight()
    {
        var share = DependencyWalk.Compute([0.2, 3, 0.1, 0.1], s_calls);

        share.Select((p, i) => (p, i)).MaxBy(x => x.p).i.Should().Be(1);
    }

    [Fact]
    public void Compute_NothingAnomalous_IsAllZero()
    {
        DependencyWalk.Compute([0, 0, 0, 0], s_calls).Should().OnlyContain(p => p == 0);
        DependencyWalk.Compute([], []).Should().BeEmpty();
    }

    [Fact]
    public void Compute_AServiceWithNoCalls_KeepsItsOwnShare()
    {
        var share = DependencyWalk.Compute([1, 0, 0, 0, 1], s_calls);

        share[4].Should().BeApproximately(0.5, 1e-9);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Compute_BadAnomaly_Throws(double anomaly)
    {
        var compute = () => DependencyWalk.Compute([1, anomaly], [(0, 1)]);

        compute.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("anomaly", "the bad argument is named");
    }

    [Fact]
    public void Compute_ACallToAnUnknownService_Throws()
    {
        var compute = () => DependencyWalk.Compute([1, 1], [(0, 5)]);

        compute.Should().Throw<ArgumentOutOfRangeException>();
    }
}
