using AIOps.Dashboard.Chaos;

namespace AIOps.Dashboard.Tests.Chaos;

public sealed class ChaosPlanTests
{
    [Fact]
    public void Create_Defaults_EveryApplicableKindOnEveryServiceOnce()
    {
        var plan = ChaosPlan.Create(new ChaosPlanOptions { Seed = 1 });

        plan.Should().HaveCount(49).And.HaveCountGreaterThanOrEqualTo(30);
        plan.Select(c => (c.Service, c.Kind)).Should().OnlyHaveUniqueItems();
        plan.Select(c => c.Number).Should().Equal(Enumerable.Range(1, 49));
        plan.Select(c => c.Service).Distinct().Should().BeEquivalentTo(ChaosCatalog.Services);
        plan.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["latency"] = 7, ["error"] = 7, ["cpu"] = 8, ["memory"] = 8, ["thread-pool"] = 8,
            ["connection-pool"] = 3, ["slow-dependency"] = 4, ["failing-dependency"] = 4,
        });
        plan.Should().NotContain(c => c.Service == "notification" && (c.Kind == "latency" || c.Kind == "error"), "notification serves none of the load's requests");
    }

    [Fact]
    public void Create_SameSeed_SamePlan_OtherSeed_OtherOrder()
    {
        var first = ChaosPlan.Create(new ChaosPlanOptions { Seed = 42 });

        ChaosPlan.Create(new ChaosPlanOptions { Seed = 42 }).Should().Equal(first);
        ChaosPlan.Create(new ChaosPlanOptions { Seed = 43 }).Select(c => (c.Service, c.Kind)).Should().NotEqual(first.Select(c => (c.Service, c.Kind)));
    }

    [Fact]
    public void Create_Limit_IsTheStartOfTheFullPlan()
    {
        var full = ChaosPlan.Create(new ChaosPlanOptions { Seed = 7 });

        ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, Limit = 4 }).Should().Equal(full.Take(4));
        ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, Limit = 500 }).Should().Equal(full);
    }

    [Fact]
    public void Create_From_RunsThePlanInPartsThatMakeTheWhole()
    {
        var full = ChaosPlan.Create(new ChaosPlanOptions { Seed = 7 });

        var first = ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, Limit = 20 });
        var second = ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, From = 21 });

        first.Concat(second).Should().Equal(full);
        second[0].Number.Should().Be(21);
        ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, From = 21, Limit = 2 }).Should().Equal(full.Skip(20).Take(2));
    }

    [Theory]
    [InlineData(0, "--from must be at least 1")]
    [InlineData(500, "--from 500: the plan has 49 cases")]
    public void Create_FromOutsideThePlan_ThrowsNamingTheOption(int from, string message)
    {
        var create = () => ChaosPlan.Create(new ChaosPlanOptions { Seed = 7, From = from });

        create.Should().Throw<ArgumentException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Create_Timing_IsDrawnWithinTheRangesAndVaries()
    {
        var plan = ChaosPlan.Create(new ChaosPlanOptions { Seed = 3, FaultSeconds = new SecondsRange(60, 90), QuietSeconds = new SecondsRange(5, 10) });

        plan.Should().OnlyContain(c => c.FaultDuration >= TimeSpan.FromSeconds(60) && c.FaultDuration <= TimeSpan.FromSeconds(90));
        plan.Should().OnlyContain(c => c.QuietBefore >= TimeSpan.FromSeconds(5) && c.QuietBefore <= TimeSpan.FromSeconds(10));
        plan.Select(c => c.FaultDuration).Distinct().Should().HaveCountGreaterThan(5);
    }

    [Fact]
    public void Create_DependencyFaults_CallOneOfTheServicesDependencies_OthersNone()
    {
        var plan = ChaosPlan.Create(new ChaosPlanOptions { Seed = 5 });

        foreach (var c in plan)
        {
            if (c.Kind is "slow-dependency" or "failing-dependency")
            {
                ChaosCatalog.DependenciesOf(c.Service).Should().Contain(c.Dependency);
            }
            else
            {
                c.Dependency.Should().BeNull();
            }
        }
    }

    [Fact]
    public void Create_ServicesAndKindsNarrowed_OnlyThose()
    {
        var plan = ChaosPlan.Create(new ChaosPlanOptions { Seed = 9, Services = ["hotel", "order"], Kinds = ["latency", "slow-dependency"] });

        plan.Select(c => (c.Service, c.Kind)).Should().BeEquivalentTo([("hotel", "latency"), ("order", "latency"), ("order", "slow-dependency")]);
    }

    [Theory]
    [InlineData(new[] { "taxi" }, new[] { "latency" }, null, "--services: unknown 'taxi'")]
    [InlineData(new[] { "hotel" }, new[] { "crash" }, null, "--kinds: unknown 'crash'")]
    [InlineData(new[] { "notification" }, new[] { "latency" }, null, "no fault of --kinds latency applies to --services notification")]
    [InlineData(new[] { "hotel" }, new string[0], null, "--kinds names nothing")]
    [InlineData(new[] { "hotel" }, new[] { "latency" }, 0, "--cases must be at least 1")]
    public void Create_BadOptions_ThrowNamingTheOption(string[] services, string[] kinds, int? limit, string message)
    {
        var create = () => ChaosPlan.Create(new ChaosPlanOptions { Seed = 1, Services = services, Kinds = kinds, Limit = limit });

        create.Should().Throw<ArgumentException>().Which.Message.Should().Contain(message);
    }
}
