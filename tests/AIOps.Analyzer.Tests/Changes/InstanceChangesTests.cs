using AIOps.Analyzer.Changes;

namespace AIOps.Analyzer.Tests.Changes;

public sealed class InstanceChangesTests
{
    private const long Minute = 60_000_000_000;

    [Fact]
    public void Detect_InstanceReplacingAnother_IsARestartAtItsFirstSighting()
    {
        InstanceSighting[] sightings = [new("hotel", "hotel-a", 0, 4 * Minute), new("hotel", "hotel-b", (4 * Minute) + 5_000_000_000, 10 * Minute)];

        var change = InstanceChanges.Detect(sightings, 0, Minute).Should().ContainSingle().Subject;

        change.Service.Should().Be("hotel");
        change.Kind.Should().Be("restart");
        change.Instance.Should().Be("hotel-b");
        change.TimeMs.Should().Be(((4 * Minute) + 5_000_000_000) / 1_000_000);
        change.Description.Should().Contain("hotel-a");
    }

    [Fact]
    public void Detect_InstanceJoiningOneThatGoesOn_IsAScaleOut()
    {
        InstanceSighting[] sightings = [new("hotel", "hotel-a", 0, 10 * Minute), new("hotel", "hotel-b", 4 * Minute, 10 * Minute), new("hotel", "hotel-c", 6 * Minute, 10 * Minute)];

        var changes = InstanceChanges.Detect(sightings, 0, Minute);

        changes.Select(c => (c.Kind, c.Instance)).Should().Equal(("scale", "hotel-b"), ("scale", "hotel-c"));
    }

    [Theory]
    [InlineData(30, "seen near the start: it may have been quiet before")]
    [InlineData(0, "seen from the start")]
    public void Detect_InstanceSeenEarly_IsNoChange(int secondsAfterStart, string because)
    {
        InstanceSighting[] sightings = [new("hotel", "hotel-a", 0, 10 * Minute), new("hotel", "hotel-b", secondsAfterStart * 1_000_000_000L, 10 * Minute)];

        InstanceChanges.Detect(sightings, 0, Minute).Should().BeEmpty(because);
    }

    [Fact]
    public void Detect_OnlyInstanceOfAServiceAppearingLate_IsNoChange()
    {
        InstanceSighting[] sightings = [new("hotel", "hotel-a", 0, 10 * Minute), new("search", "search-a", 5 * Minute, 10 * Minute)];

        InstanceChanges.Detect(sightings, 0, Minute).Should().BeEmpty("an idle service's first request is no restart");
    }
}
