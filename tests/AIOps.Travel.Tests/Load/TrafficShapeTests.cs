using AIOps.Travel.Load;

namespace AIOps.Travel.Tests.Load;

public sealed class TrafficShapeTests
{
    [Fact]
    public void Daily_HasANightTroughAMorningPeakAndALargerEveningPeak()
    {
        var night = TrafficShape.Daily(4);
        var morning = TrafficShape.Daily(9.5);
        var afternoon = TrafficShape.Daily(15.5);
        var evening = TrafficShape.Daily(20);

        morning.Should().BeGreaterThan(2 * night);
        evening.Should().BeGreaterThan(morning);
        afternoon.Should().BeLessThan(morning).And.BeLessThan(evening);
        Enumerable.Range(0, 240).Select(i => TrafficShape.Daily(i / 10.0)).Min().Should().BeApproximately(night, 0.1);
    }

    [Fact]
    public void Weekly_SaturdayIsQuieterThanMonday()
    {
        TrafficShape.Weekly(5).Should().BeLessThan(TrafficShape.Weekly(0));
        Enumerable.Range(0, 7).Average(TrafficShape.Weekly).Should().BeApproximately(1, 0.02);
    }

    [Fact]
    public void FlashSale_TriplesTrafficAtItsPeakAndEndsOnTime()
    {
        var sale = new FlashSale(StartHours: 14, DurationHours: 0.5, Peak: 3);
        var withSale = new TrafficShape([sale]);
        var without = new TrafficShape([]);

        (withSale.At(14.05) / without.At(14.05)).Should().BeApproximately(3, 0.01);
        withSale.At(13.9).Should().Be(without.At(13.9));
        withSale.At(14.6).Should().Be(without.At(14.6));
        sale.IsActive(14.2).Should().BeTrue();
    }

    [Fact]
    public void Mean_OverADay_MatchesTheAverageOfFineSamples()
    {
        var shape = new TrafficShape([]);
        var fine = Enumerable.Range(0, 24 * 60).Average(m => shape.At(24 + (m / 60.0)));

        shape.Mean(24, 48).Should().BeApproximately(fine, 0.001);
    }

    [Fact]
    public void RandomFlashSales_OnePerDay_PlacesOneInEachDaysAfternoonOrEvening()
    {
        var sales = TrafficShape.RandomFlashSales(new Random(7), 0, 24 * 7, perDay: 1);

        sales.Should().HaveCount(7);
        sales.Select(s => (int)(s.StartHours / 24)).Should().OnlyHaveUniqueItems();
        sales.Should().OnlyContain(s => s.StartHours % 24 >= 11 && s.StartHours % 24 <= 20);
    }
}
