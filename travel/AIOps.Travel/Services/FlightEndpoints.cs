using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Services.Catalog;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Services.Inventory;

namespace AIOps.Travel.Services;

/// <summary>The flight service: search, prices, and seat inventory with holds.</summary>
internal static class FlightEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/flights", Results<Ok<IReadOnlyList<Flight>>, ProblemHttpResult> (string? from, string? to, string? date) =>
        {
            var error = string.IsNullOrWhiteSpace(from) ? "from is required (an airport code)"
                : string.IsNullOrWhiteSpace(to) ? "to is required (an airport code)"
                : Validation.Date(date);
            if (error is not null)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            var day = DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return TypedResults.Ok(TravelCatalog.FlightsOn(from!.ToUpperInvariant(), to!.ToUpperInvariant(), day));
        });
        app.MapGet("/flights/{id}", Results<Ok<Flight>, NotFound> (string id) =>
            TravelCatalog.FindFlight(id) is { } flight ? TypedResults.Ok(flight) : TypedResults.NotFound());
        app.MapGet("/flights/{id}/price", Results<Ok<PriceQuote>, NotFound, ProblemHttpResult> (string id, int? quantity) =>
        {
            if (TravelCatalog.FindFlight(id) is not { } flight)
            {
                return TypedResults.NotFound();
            }

            if (Validation.Counts("flight", null, quantity) is { } error)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            var q = quantity ?? 1;
            return TypedResults.Ok(new PriceQuote("flight", id, flight.Date, 1, q, flight.Price, flight.Price * q, flight.Currency));
        });
        app.MapHoldsApi("flight", id => TravelCatalog.FindFlight(id)?.Seats);
    }
}
