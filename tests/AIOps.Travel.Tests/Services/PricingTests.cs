using AIOps.Travel.Services;
using AIOps.Travel.Services.Catalog;

namespace AIOps.Travel.Tests.Services;

public sealed class PricingTests
{
    [Theory]
    [InlineData(null, 1, 1, 0.0)]
    [InlineData("FLASH", 1, 1, 0.25)]
    [InlineData("WELCOME10", 7, 1, 0.20)]
    [InlineData("FLASH", 8, 4, 0.35)]
    [InlineData(null, 2, 5, 0.05)]
    public void Discount_CombinesPromotionsUpToTheCap(string? code, int nights, int quantity, double expected)
    {
        PromotionEndpoints.Discount(code, nights, quantity).Rate.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("4111111111111111", 100, null)]
    [InlineData("4000000000000002", 100, "insufficient_funds")]
    [InlineData("4000000000000069", 100, "fraud_suspected")]
    [InlineData("4111111111111111", 25000, "limit_exceeded")]
    public void DeclineReason_TestCards(string card, decimal amount, string? reason) =>
        PaymentEndpoints.DeclineReason(card, amount).Should().Be(reason);

    [Fact]
    public void Catalog_IdsRoundTrip_AndAreTheSameInEveryProcess()
    {
        foreach (var city in TravelCatalog.Cities)
        {
            foreach (var hotel in TravelCatalog.HotelsIn(city))
            {
                TravelCatalog.FindHotel(hotel.Id).Should().Be(hotel);
            }
        }

        var flight = TravelCatalog.FlightsOn("CDG", "JFK", new DateOnly(2026, 12, 24))[1];
        TravelCatalog.FindFlight(flight.Id).Should().Be(flight);
        flight.Id.Should().Be("F-CDGJFK-20261224-2");
        TravelCatalog.FindHotel("H-PAR-1")!.PricePerNight.Should().Be(TravelCatalog.HotelsIn(TravelCatalog.FindCity("Paris")!)[0].PricePerNight);
        UserDirectory.Find("u997")!.Blocked.Should().BeTrue();
        UserDirectory.Find("u0").Should().BeNull();
    }
}
