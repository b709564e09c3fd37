using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class SockShopDatasetTests(SockShopFixture sockShop) : IClassFixture<SockShopFixture>
{
    [Fact]
    public void Load_SharedData_Has50CasesOfFiveServicesTimesTwoFaultsTimesFive()
    {
        var cases = sockShop.Cases;

        cases.Should().HaveCount(50);
        cases.Select(c => c.RootCause).Distinct().Should().BeEquivalentTo(["carts", "catalogue", "orders", "payment", "user"]);
        cases.GroupBy(c => (c.RootCause, c.Fault)).Should().HaveCount(10).And.OnlyContain(g => g.Count() == 5);
        cases.Select(c => c.Fault).Distinct().Should().BeEquivalentTo(["cpu", "mem"]);
    }

    [Fact]
    public void Load_SharedData_AppliesTheBenchmarkConventions()
    {
        var first = sockShop.Cases.Single(c => c.Name == "carts-cpu/1");

        first.AnomalyStartMs.Should().Be(1_652_812_675_000, "the first row of anomalous.csv");
        first.Series.Should().OnlyContain(s => s.Service == MetricConventions.ServiceOf(s.Name));
        first.Series.Select(s => s.Name).Should().Contain("carts-db_cpu").And.NotContain("time");
        first.Series.Single(s => s.Name == "carts_mem").Points[0].Value.Should().BeApproximately(342.642688, 1e-9, "memory in megabytes");
        foreach (var series in sockShop.Cases.SelectMany(c => c.Series.Select(s => (c.AnomalyStartMs, s))))
        {
            var normal = series.s.Points.Where(p => p.TimeMs < series.AnomalyStartMs).Select(p => p.Value).ToList();
            var anomalous = series.s.Points.Where(p => p.TimeMs >= series.AnomalyStartMs).Select(p => p.Value).ToList();
            normal.Distinct().Should().HaveCountGreaterThan(1, $"{series.s.Name} is constant in the normal part");
            anomalous.Distinct().Should().HaveCountGreaterThan(1, $"{series.s.Name} is constant in the anomalous part");
        }
    }

    [Fact]
    public void Load_NormalPartRecordedAfterTheFault_IsMovedBeforeTheStart()
    {
        var late = sockShop.Cases.Single(c => c.Name == "orders-mem/5");

        var times = late.Series[0].Points.Select(p => p.TimeMs).ToList();
        times.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        times.Count(t => t < late.AnomalyStartMs).Should().BeGreaterThan(250);
        times.Last(t => t < late.AnomalyStartMs).Should().Be(late.AnomalyStartMs - 1000);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingIt() =>
        FluentActions.Invoking(() => SockShopDataset.Load("/nonexistent/rcd")).Should().Throw<DirectoryNotFoundException>().WithMessage("*/nonexistent/rcd*");
}
