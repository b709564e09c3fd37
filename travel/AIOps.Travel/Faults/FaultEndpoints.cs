using Microsoft.AspNetCore.Http.HttpResults;

namespace AIOps.Travel.Faults;

/// <summary>The per-instance chaos API: list, inject and clear faults.</summary>
internal static class FaultEndpoints
{
    public static IEndpointRouteBuilder MapFaultApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/faults");
        api.MapGet("/", (FaultInjector faults) => TypedResults.Ok(faults.List()));
        api.MapPost("/", Inject);
        api.MapDelete("/{id}", Results<NoContent, NotFound> (string id, FaultInjector faults) =>
            faults.Clear(id) ? TypedResults.NoContent() : TypedResults.NotFound());
        api.MapDelete("/", (FaultInjector faults) => TypedResults.Ok(new { cleared = faults.ClearAll() }));
        return app;
    }

    private static Results<Created<ActiveFault>, ProblemHttpResult> Inject(FaultRequest? request, FaultInjector faults)
    {
        if (request is null)
        {
            return TypedResults.Problem("a JSON body {kind, intensity, durationSeconds} is required", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!FaultSpec.TryCreate(request, out var spec, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "invalid fault");
        }

        var fault = faults.Inject(spec!);
        return TypedResults.Created($"/admin/faults/{fault.Id}", fault);
    }
}
