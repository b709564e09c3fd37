using AIOps.Remediator.Policies;

namespace AIOps.Remediator.Tests.Policies;

public sealed class FreezeWindowTests
{
    // 2026-11-21 is a Saturday.
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(21, 12, true)]
    [InlineData(22, 23, true)]
    [InlineData(23, 0, false)]
    [InlineData(20, 23, false)]
    public void Contains_WeekendAllDay(int day, int hour, bool expected)
    {
        var weekend = new FreezeWindow { Name = "weekend", Days = [DayOfWeek.Saturday, DayOfWeek.Sunday], From = TimeSpan.Zero, To = TimeSpan.FromDays(1) };

        weekend.Contains(At(day, hour)).Should().Be(expected);
    }

    [Theory]
    [InlineData(20, 22, true)]
    [InlineData(21, 5, true)]
    [InlineData(21, 6, false)]
    [InlineData(20, 21, false)]
    [InlineData(19, 23, false)]
    public void Contains_PastMidnight_TheMorningBelongsToTheDayBefore(int day, int hour, bool expected)
    {
        var fridayNight = new FreezeWindow { Name = "friday-night", Days = [DayOfWeek.Friday], From = TimeSpan.FromHours(22), To = TimeSpan.FromHours(6) };

        fridayNight.Contains(At(day, hour)).Should().Be(expected);
    }

    [Fact]
    public void Contains_AbsoluteSpan_StartIncludedEndExcluded()
    {
        var release = new FreezeWindow { Name = "release", Start = At(21, 10), End = At(21, 12) };

        release.Contains(At(21, 10)).Should().BeTrue();
        release.Contains(At(21, 11, 59)).Should().BeTrue();
        release.Contains(At(21, 12)).Should().BeFalse();
    }
}
