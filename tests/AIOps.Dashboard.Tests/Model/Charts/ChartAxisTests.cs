using AIOps.Dashboard.Model.Charts;

namespace AIOps.Dashboard.Tests.Model.Charts;

public sealed class ChartAxisTests
{
    [Theory]
    [InlineData(0, 87, new[] { 0d, 25, 50, 75, 100 })]
    [InlineData(3, 9.2, new[] { 0d, 2.5, 5, 7.5, 10 })]
    [InlineData(0, 0.031, new[] { 0d, 0.01, 0.02, 0.03, 0.04 })]
    [InlineData(-12, 30, new[] { -20d, 0, 20, 40 })]
    [InlineData(0, 0, new[] { 0d, 0.25, 0.5, 0.75, 1 })]
    public void ValueTicks_RoundStepsFromZeroCoveringTheMaximum(double min, double max, double[] expected) =>
        ChartAxis.ValueTicks(min, max).Should().Equal(expected);

    [Fact]
    public void TimeTicks_AnHour_EveryTenMinutesOnTheClock()
    {
        var from = new DateTimeOffset(2026, 11, 22, 9, 3, 12, TimeSpan.Zero);

        var ticks = ChartAxis.TimeTicks(from, from.AddHours(1));

        ticks.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Should().Equal("09:10", "09:20", "09:30", "09:40", "09:50", "10:00");
    }

    [Theory]
    [InlineData(0.25, "ms", "0.25 ms")]
    [InlineData(12.54, "req/s", "12.5 req/s")]
    [InlineData(1204.4, "ms", "1,204 ms")]
    [InlineData(0.031, "%", "3.1 %")]
    [InlineData(0.5, "%", "50 %")]
    [InlineData(3.5 * 1024 * 1024, "B", "3.5 MiB")]
    [InlineData(null, "ms", "–")]
    [InlineData(double.NaN, "ms", "–")]
    public void Format_WithItsUnitAndTheDecimalsItsSizeNeeds(double? value, string unit, string expected) =>
        ChartAxis.Format(value, unit).Should().Be(expected);
}
