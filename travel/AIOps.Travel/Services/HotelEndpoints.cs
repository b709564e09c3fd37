using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Services.Catalog;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Inventory;

namespace AIOps.Travel.Services;

/// <summary>The hotel service: search, prices, and room inventory with holds.</summary>
internal static class HotelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cities", () => TypedResults.Ok(new CatalogInfo(TravelCatalog.Cities)));
        app.MapGet("/hotels", Results<Ok<IReadOnlyList<Hotel>>, ProblemHttpResult> (string? city) =>
        {
            if (string.IsNullOrWhiteSpace(city))
            {
                return TypedResults.Problem("city is required", statusCode: StatusCodes.Status400BadRequest);
            }

            var found = TravelCatalog.FindCity(city);
            return TypedResults.Ok(found is null ? [] : TravelCatalog.HotelsIn(found));
        });
        app.MapGet("/hotels/{id}", Results<Ok<Hotel>, NotFound> (string id) =>
            TravelCatalog.FindHotel(id) is { } hotel ? TypedResults.Ok(hotel) : TypedResults.NotFound());
        app.MapGet("/hotels/{id}/price", Results<Ok<PriceQuote>, NotFound, ProblemHttpResult> (string id, string? date, int? nights, int? quantity) =>
        {
            if (TravelCatalog.FindHotel(id) is not { } hotel)
            {
                return TypedResults.NotFound();
            }

            if ((Validation.Date(date) ?? Validation.Counts("hotel", nights, quantity)) is { } error)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            var n = nights ?? 1;
            var q = quantity ?? 1;
            var weekendNights = Enumerable.Range(0, n)
                .Count(i => DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(i).DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday);
            var total = ((hotel.PricePerNight * n) + (hotel.PricePerNight * 0.2m * weekendNights)) * q;
            return TypedResults.Ok(new PriceQuote("hotel", id, date!, n, q, hotel.PricePerNight, decimal.Round(total, 2), hotel.Currency));
        });
        app.MapHoldsApi("hotel", id => TravelCatalog.FindHotel(id)?.Rooms);
    }
}
