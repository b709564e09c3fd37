using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Services.Catalog;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services;

/// <summary>The user service: account look-up for the order's user check.</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/users/{id}", Results<Ok<UserProfile>, NotFound> (string id) =>
            UserDirectory.Find(id) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound());
}
