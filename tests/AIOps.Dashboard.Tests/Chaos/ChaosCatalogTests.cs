using AIOps.Dashboard.Chaos;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class ChaosCatalogTests
{
    [Theory]
    [InlineData(1, 2, 0.5)]
    [InlineData(2, 2, 0.25)]
    [InlineData(1, 1, 1.0)]
    [InlineData(3, 8, 1.0 / 24)]
    public void FaultFor_Cpu_SharesOneCoreOverTheServicesInstances(int instances, int cores, double fraction)
    {
        var fault = ChaosCatalog.FaultFor(Case("cpu"), instances, cores);

        fault.Intensity.Should().BeApproximately(fraction, 1e-12);
        (fault.Intensity * cores * instances).Should().BeApproximately(ChaosCatalog.CpuCores, 1e-12);
    }

    [Fact]
    public void FaultFor_EveryKind_IsWithinWhatTheAdminApiAccepts()
    {
        foreach (var kind in ChaosCatalog.Kinds)
        {
            var fault = ChaosCatalog.FaultFor(Case(kind, kind.EndsWith("dependency", StringComparison.Ordinal) ? "payment" : null), 2, 2);

            fault.Kind.Should().Be(kind);
            fault.DurationSeconds.Should().Be(75);
            fault.Intensity.Should().BeGreaterThan(0);
            if (kind is "error" or "cpu" or "connection-pool" or "failing-dependency")
            {
                fault.Intensity.Should().BeLessThanOrEqualTo(1, kind);
            }
        }
    }

    [Fact]
    public void FaultFor_DependencyFault_CarriesTheDependency()
    {
        ChaosCatalog.FaultFor(Case("failing-dependency", "payment"), 1, 2).Dependency.Should().Be("payment");
    }

    [Fact]
    public void FaultFor_UnknownKind_Throws()
    {
        var fault = () => ChaosCatalog.FaultFor(Case("crash"), 1, 2);

        fault.Should().Throw<ArgumentException>().WithMessage("*crash*");
    }

    [Theory]
    [InlineData("hotel", "connection-pool", false)]
    [InlineData("gateway", "connection-pool", true)]
    [InlineData("notification", "connection-pool", false)]
    [InlineData("notification", "slow-dependency", true)]
    [InlineData("payment", "failing-dependency", false)]
    [InlineData("notification", "thread-pool", true)]
    [InlineData("taxi", "cpu", false)]
    public void Applies_FollowsWhatEachServiceDoes(string service, string kind, bool applies)
    {
        ChaosCatalog.Applies(service, kind).Should().Be(applies);
    }

    private static ChaosCase Case(string kind, string? dependency = null) =>
        new(1, "order", kind, dependency, TimeSpan.FromSeconds(75), TimeSpan.FromSeconds(30));
}
