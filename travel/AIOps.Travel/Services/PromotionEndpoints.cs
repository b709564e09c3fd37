using Microsoft.AspNetCore.Http.HttpResults;
using AIOps.Travel.Hosting;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services;

/// <summary>The promotion service: prices an item (from the hotel or flight service) and applies promotions.</summary>
internal static class PromotionEndpoints
{
    public const decimal MaxDiscount = 0.35m;

    private static readonly Dictionary<string, (decimal Rate, string Label)> s_codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FLASH"] = (0.25m, "flash sale -25%"),
        ["WELCOME10"] = (0.10m, "welcome -10%"),
    };

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/quotes", QuoteAsync);

    private static async Task<Results<Ok<Quote>, NotFound<string>, ProblemHttpResult>> QuoteAsync(QuoteRequest request, ServiceCaller caller, CancellationToken cancellationToken)
    {
        if (Validation.Quote(request) is { } error)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (request.PromoCode is { Length: > 0 } code && !s_codes.ContainsKey(code))
        {
            return TypedResults.Problem($"promoCode '{code}' is not valid", statusCode: StatusCodes.Status400BadRequest);
        }

        var nights = request.Nights ?? 1;
        var quantity = request.Quantity ?? 1;
        var path = request.Type == "hotel"
            ? $"/hotels/{Uri.EscapeDataString(request.ItemId!)}/price?date={request.Date}&nights={nights}&quantity={quantity}"
            : $"/flights/{Uri.EscapeDataString(request.ItemId!)}/price?quantity={quantity}";
        var price = await caller.GetAsync<PriceQuote>(request.Type!, path, cancellationToken).ConfigureAwait(false);
        if (!price.IsSuccess || price.Value is null)
        {
            return price.StatusCode == StatusCodes.Status404NotFound
                ? TypedResults.NotFound($"{request.Type} '{request.ItemId}' does not exist")
                : TypedResults.Problem(price.Problem, statusCode: price.StatusCode);
        }

        var (rate, labels) = Discount(request.PromoCode, nights, quantity);
        var basePrice = price.Value.Total;
        var discount = decimal.Round(basePrice * rate, 2);
        return TypedResults.Ok(new Quote(request.Type!, request.ItemId!, price.Value.Date, nights, quantity, basePrice, discount, basePrice - discount, price.Value.Currency, labels));
    }

    /// <summary>The promotions that apply, capped at <see cref="MaxDiscount"/> in all.</summary>
    internal static (decimal Rate, IReadOnlyList<string> Labels) Discount(string? code, int nights, int quantity)
    {
        var labels = new List<string>();
        var rate = 0m;
        if (code is { Length: > 0 } && s_codes.TryGetValue(code, out var promo))
        {
            rate += promo.Rate;
            labels.Add(promo.Label);
        }

        if (nights >= 7)
        {
            rate += 0.10m;
            labels.Add("long stay -10%");
        }

        if (quantity >= 4)
        {
            rate += 0.05m;
            labels.Add("group -5%");
        }

        return (Math.Min(rate, MaxDiscount), labels);
    }
}
