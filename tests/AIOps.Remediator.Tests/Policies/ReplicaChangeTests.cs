using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Policies;

public sealed class ReplicaChangeTests
{
    [Theory]
    [InlineData("+1", 3, 1, 10, 4)]
    [InlineData("+5", 3, 1, 6, 6)]
    [InlineData("x2", 3, 1, 10, 6)]
    [InlineData("x1.5", 3, 1, 10, 5)]
    [InlineData("x1.1", 2, 1, 10, 3)]
    [InlineData("+1", 0, 2, 10, 2)]
    public void Apply_AddsOrMultipliesWithinTheBounds(string text, int current, int min, int max, int expected)
    {
        ReplicaChange.TryParse(text, out _)!.Value.Apply(current, min, max).Should().Be(expected);
    }

    [Theory]
    [InlineData("+0")]
    [InlineData("-1")]
    [InlineData("x1")]
    [InlineData("x11")]
    [InlineData("2")]
    [InlineData("")]
    public void TryParse_NotAChange_SaysWhy(string text)
    {
        ReplicaChange.TryParse(text, out var error).Should().BeNull();
        error.Should().Contain("+N (1 to 100) or xF");
    }

    [Theory]
    [InlineData("+3")]
    [InlineData("x1.5")]
    public void ToString_ReadsBack(string text)
    {
        ReplicaChange.TryParse(text, out _)!.Value.ToString().Should().Be(text);
    }
}
