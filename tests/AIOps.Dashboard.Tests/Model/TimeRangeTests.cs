using AIOps.Dashboard.Model;

namespace AIOps.Dashboard.Tests.Model;

public sealed class TimeRangeTests
{
    [Theory]
    [InlineData("15m", 15 * 60)]
    [InlineData("1H", 3600)]
    [InlineData("7d", 7 * 86400)]
    public void Find_KnownKey_IsThatChoice(string key, int seconds) =>
        TimeRange.Find(key)!.Duration.Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2h")]
    [InlineData("1h; drop")]
    public void Find_Unknown_IsNull(string? key) => TimeRange.Find(key).Should().BeNull();

    [Theory]
    [InlineData("15m", 10)]
    [InlineData("1h", 30)]
    [InlineData("24h", 720)]
    [InlineData("7d", 5040)]
    public void Step_120Points_WholeTenSecondWindows(string key, int seconds) =>
        TimeRange.Find(key)!.Step().Should().Be(TimeSpan.FromSeconds(seconds));
}
