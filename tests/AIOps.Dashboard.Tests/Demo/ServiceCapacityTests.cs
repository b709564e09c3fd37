using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Tests.Demo;

public sealed class ServiceCapacityTests
{
    [Fact]
    public void ParseAll_WorkersByMilliseconds_PerService()
    {
        var capacity = ServiceCapacity.ParseAll("hotel=5x50, flight=2x12.5");

        capacity.Should().BeEquivalentTo(new Dictionary<string, ServiceCapacity> { ["hotel"] = new(5, 50), ["flight"] = new(2, 12.5) });
        capacity["hotel"].RequestsPerSecond.Should().Be(100);
        capacity["flight"].RequestsPerSecond.Should().Be(160);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData(" ")]
    public void ParseAll_None_NoLimits(string? text) => ServiceCapacity.ParseAll(text).Should().BeEmpty();

    [Theory]
    [InlineData("hotel=5")]
    [InlineData("hotel=0x50")]
    [InlineData("hotel=5x0")]
    [InlineData("spaceship=5x50")]
    [InlineData("gateway=5x50")]
    public void ParseAll_BadEntry_NamesIt(string text) =>
        FluentActions.Invoking(() => ServiceCapacity.ParseAll(text)).Should().Throw<ArgumentException>().WithMessage($"--capacity entry '{text}'*");
}
