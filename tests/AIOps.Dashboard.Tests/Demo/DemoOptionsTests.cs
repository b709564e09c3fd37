using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Fact]
    public void ParseReplicas_ValidEntries_ReturnsCountPerService()
    {
        var replicas = DemoOptions.ParseReplicas(" hotel=2, flight=10 ,gateway=1,");

        replicas.Should().BeEquivalentTo(new Dictionary<string, int> { ["hotel"] = 2, ["flight"] = 10, ["gateway"] = 1 });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void ParseReplicas_NothingGiven_ReturnsEmpty(string? text)
    {
        DemoOptions.ParseReplicas(text).Should().BeEmpty();
    }

    [Fact]
    public void ParseReplicas_ServiceRepeated_LastCountWins()
    {
        DemoOptions.ParseReplicas("hotel=2,hotel=4").Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, int>("hotel", 4));
    }

    [Theory]
    [InlineData("taxi=2")]
    [InlineData("Hotel=2")]
    [InlineData("hotel=0")]
    [InlineData("hotel=11")]
    [InlineData("hotel=-1")]
    [InlineData("hotel=+2")]
    [InlineData("hotel=two")]
    [InlineData("hotel=")]
    [InlineData("hotel")]
    [InlineData("hotel=2=3")]
    [InlineData("gateway=2")]
    public void ParseReplicas_BadEntry_ThrowsNamingTheEntry(string bad)
    {
        var parse = () => DemoOptions.ParseReplicas($"flight=2,{bad},order=3");

        parse.Should().Throw<ArgumentException>().Which.Message.Should().Contain($"'{bad}'");
    }

    [Fact]
    public void ParseReplicas_GatewayMoreThanOnce_ExplainsWhy()
    {
        var parse = () => DemoOptions.ParseReplicas("gateway=3");

        parse.Should().Throw<ArgumentException>().WithMessage("*gateway*fixed port*");
    }

    [Fact]
    public void ReplicasOf_ServiceNotListed_DefaultsToOne()
    {
        var options = new DemoOptions
        {
            TravelDll = "travel.dll",
            DataDirectory = "data",
            Replicas = DemoOptions.ParseReplicas("hotel=3"),
        };

        options.ReplicasOf("hotel").Should().Be(3);
        options.ReplicasOf("flight").Should().Be(1);
        new DemoOptions { TravelDll = "travel.dll", DataDirectory = "data" }.ReplicasOf("hotel").Should().Be(1);
    }
}
