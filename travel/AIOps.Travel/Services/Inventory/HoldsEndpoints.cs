using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Services.Contracts;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Services.Inventory;

/// <summary>The holds API that the hotel and flight services share: hold, confirm, release.</summary>
internal static class HoldsEndpoints
{
    /// <summary>The inventory store of a hotel or flight service and the worker that expires unpaid holds.</summary>
    public static void AddInventory(IServiceCollection services, string dataDirectory, string type)
    {
        services.AddSingleton(_ => new InventoryStore(Path.Combine(dataDirectory, $"{type}-inventory.db")));
        services.AddHostedService(sp => new HoldExpiryWorker(sp.GetRequiredService<InventoryStore>(), sp.GetRequiredService<TimeProvider>(), type, sp.GetRequiredService<ILogger<HoldExpiryWorker>>()));
    }

    /// <param name="app">The service's routes.</param>
    /// <param name="type">hotel or flight, for metrics.</param>
    /// <param name="capacity">The stock of an item per date, or null when the item does not exist.</param>
    public static IEndpointRouteBuilder MapHoldsApi(this IEndpointRouteBuilder app, string type, Func<string, int?> capacity)
    {
        var api = app.MapGroup("/holds");
        api.MapPost("/", Results<Created<Hold>, ProblemHttpResult> (HoldRequest request, InventoryStore store, TimeProvider time) =>
        {
            var error = Validation.Hold(request, type);
            var stock = request.ItemId is null ? null : capacity(request.ItemId);
            if (error is null && stock is null)
            {
                error = $"itemId '{request.ItemId}' does not exist";
            }

            if (error is not null)
            {
                return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
            }

            var date = DateOnly.ParseExact(request.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var hold = store.TryHold(request.ItemId!, date, request.Nights ?? 1, request.Quantity ?? 1, stock!.Value, request.OrderId, time.GetUtcNow());
            TravelTelemetry.InventoryHolds.Add(1, new("type", type), new("outcome", hold is null ? "rejected" : "held"));
            return hold is null
                ? TypedResults.Problem("sold out for the requested dates", statusCode: StatusCodes.Status409Conflict, title: "sold out")
                : TypedResults.Created($"/holds/{hold.Id}", hold);
        });
        api.MapGet("/{id}", Results<Ok<Hold>, NotFound> (string id, InventoryStore store) =>
            store.Find(id) is { } hold ? TypedResults.Ok(hold) : TypedResults.NotFound());
        api.MapPost("/{id}/confirm", (string id, InventoryStore store) => Finish(store.Confirm(id), "confirmed", type));
        api.MapDelete("/{id}", (string id, InventoryStore store) => Finish(store.Release(id), "released", type));
        return app;
    }

    private static Results<Ok<Hold>, NotFound, ProblemHttpResult> Finish(Hold? hold, string wanted, string type)
    {
        if (hold is null)
        {
            return TypedResults.NotFound();
        }

        if (hold.Status != wanted)
        {
            return TypedResults.Problem($"hold is {hold.Status}", statusCode: StatusCodes.Status409Conflict);
        }

        TravelTelemetry.InventoryHolds.Add(1, new("type", type), new("outcome", wanted));
        return TypedResults.Ok(hold);
    }
}
