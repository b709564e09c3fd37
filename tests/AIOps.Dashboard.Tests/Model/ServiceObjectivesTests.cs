using AIOps.Dashboard.Model;
using Microsoft.Extensions.Configuration;

namespace AIOps.Dashboard.Tests.Model;

public sealed class ServiceObjectivesTests
{
    [Fact]
    public void From_NothingConfigured_DefaultsForEveryService()
    {
        var objectives = ServiceObjectives.From(new ConfigurationBuilder().Build());

        objectives.For("hotel").Should().Be(new ServiceObjective(99.5, 500));
        objectives.For("hotel").AllowedErrorRate.Should().BeApproximately(0.005, 1e-12);
    }

    [Fact]
    public void From_OverridesByService_ReplaceOnlyWhatTheySet()
    {
        var objectives = ServiceObjectives.From(Configuration(new()
        {
            ["Dashboard:Objectives:Availability"] = "99.9",
            ["Dashboard:Objectives:Services:payment:Availability"] = "99.99",
            ["Dashboard:Objectives:Services:Search:LatencyP95Ms"] = "1200",
        }));

        objectives.For("payment").Should().Be(new ServiceObjective(99.99, 500));
        objectives.For("search").Should().Be(new ServiceObjective(99.9, 1200), "configuration keys are case-insensitive");
        objectives.For("hotel").Should().Be(new ServiceObjective(99.9, 500));
    }

    [Theory]
    [InlineData("Dashboard:Objectives:Availability", "100", "Dashboard:Objectives:Availability must be a percentage above 0 and below 100, not 100")]
    [InlineData("Dashboard:Objectives:LatencyP95Ms", "0", "Dashboard:Objectives:LatencyP95Ms must be a positive number of milliseconds, not 0")]
    [InlineData("Dashboard:Objectives:Services:hotel:Availability", "-1", "Dashboard:Objectives:Services:hotel:Availability must be")]
    public void From_WrongSetting_FailsNamingIt(string key, string value, string message)
    {
        var read = () => ServiceObjectives.From(Configuration(new() { [key] = value }));

        read.Should().Throw<InvalidOperationException>().WithMessage("*" + message + "*");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
