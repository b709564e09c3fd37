using System.Globalization;
using System.Text.Json;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Load;

/// <summary>
/// A visitor's sequence of calls; each step uses what the previous one returned (the hotel picked from
/// the search, the booking id to look up). Not thread-safe: one step is in flight at a time.
/// </summary>
public sealed class Journey
{
    private readonly Random _random;
    private readonly IReadOnlyList<City> _cities;
    private readonly DateOnly _today;
    private readonly bool _flashSale;
    private readonly Queue<Func<LoadRequest?>> _steps = new();
    private string? _type;
    private string? _itemId;
    private string? _date;
    private int _nights = 1;
    private int _quantity = 1;
    private string? _bookingId;

    public Journey(JourneyKind kind, Random random, IReadOnlyList<City> cities, DateOnly today, bool flashSale)
    {
        Kind = kind;
        _random = random;
        _cities = cities;
        _today = today;
        _flashSale = flashSale;
        UserId = "u" + (1 + random.Next(100_000)).ToString(CultureInfo.InvariantCulture);
        var n = StableUserNumber(UserId);
        ClientAddress = $"198.18.{(n >> 8) & 0xff}.{n & 0xff}";
        switch (kind)
        {
            case JourneyKind.Browse:
                _steps.Enqueue(Search);
                if (random.NextDouble() < 0.5)
                {
                    _steps.Enqueue(Search);
                }

                break;
            case JourneyKind.Quote:
                _steps.Enqueue(Search);
                _steps.Enqueue(QuoteStep);
                break;
            case JourneyKind.Book:
                _steps.Enqueue(Search);
                _steps.Enqueue(QuoteStep);
                _steps.Enqueue(BookStep);
                _steps.Enqueue(LookUpBooking);
                break;
            case JourneyKind.LookUp:
                _steps.Enqueue(() => new LoadRequest("list-bookings", HttpMethod.Get, $"/api/bookings?userId={UserId}", null));
                _steps.Enqueue(LookUpBooking);
                break;
        }
    }

    public JourneyKind Kind { get; }

    public string UserId { get; }

    /// <summary>A stable pretend client address (benchmark range 198.18/15), sent as X-Forwarded-For for IP-hash balancing.</summary>
    public string ClientAddress { get; }

    public bool IsDone => _steps.Count == 0;

    /// <summary>The next call, or null when the journey is over (a step may end it early, e.g. nothing found).</summary>
    public LoadRequest? Next()
    {
        while (_steps.TryDequeue(out var step))
        {
            if (step() is { } request)
            {
                return request;
            }
        }

        return null;
    }

    /// <summary>Takes in the answer to the last call.</summary>
    public void Observe(LoadRequest request, int status, string? body)
    {
        if (status is < 200 or >= 300 || body is null)
        {
            _steps.Clear();
            return;
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        switch (request.Endpoint)
        {
            case "search-hotels" or "search-flights" when root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0:
                var pick = root[_random.Next(root.GetArrayLength())];
                _itemId = pick.GetProperty("id").GetString();
                break;
            case "search-hotels" or "search-flights":
                _steps.Clear();
                break;
            case "book":
                _bookingId = root.GetProperty("bookingId").GetString();
                break;
            case "list-bookings" when root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0:
                _bookingId = root[0].GetProperty("bookingId").GetString();
                break;
        }
    }

    private LoadRequest Search()
    {
        var date = _today.AddDays(1 + _random.Next(120));
        _date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (_random.NextDouble() < 0.55)
        {
            _type = "hotel";
            _nights = 1 + _random.Next(_random.NextDouble() < 0.1 ? 10 : 4);
            _quantity = 1 + (_random.NextDouble() < 0.15 ? _random.Next(4) : 0);
            var city = _cities[_random.Next(_cities.Count)];
            return new LoadRequest("search-hotels", HttpMethod.Get, $"/api/hotels?city={Uri.EscapeDataString(city.Name)}", null);
        }

        _type = "flight";
        _nights = 1;
        _quantity = 1 + (_random.NextDouble() < 0.3 ? _random.Next(4) : 0);
        var fromIndex = _random.Next(_cities.Count);
        var from = _cities[fromIndex];
        var to = _cities[(fromIndex + 1 + _random.Next(_cities.Count - 1)) % _cities.Count];
        return new LoadRequest("search-flights", HttpMethod.Get, $"/api/flights?from={from.Airport}&to={to.Airport}&date={_date}", null);
    }

    private LoadRequest? QuoteStep() =>
        _itemId is null ? null : new LoadRequest("quote", HttpMethod.Post, "/api/quotes", new QuoteRequest(UserId, _type, _itemId, _date, _nights, _quantity, PromoCode()));

    private LoadRequest? BookStep() =>
        _itemId is null ? null : new LoadRequest("book", HttpMethod.Post, "/api/bookings", new BookingRequest(UserId, _type, _itemId, _date, _type == "hotel" ? _nights : null, _quantity, PromoCode(), Card()));

    private LoadRequest? LookUpBooking() =>
        _bookingId is null ? null : new LoadRequest("get-booking", HttpMethod.Get, $"/api/bookings/{_bookingId}", null);

    private string? PromoCode() =>
        _flashSale && _random.NextDouble() < 0.6 ? "FLASH"
        : _random.NextDouble() < 0.05 ? "WELCOME10"
        : null;

    private string Card()
    {
        var draw = _random.NextDouble();
        return draw < 0.02 ? "4000000000000002" : draw < 0.03 ? "4000000000000069" : "4111111111111111";
    }

    private static int StableUserNumber(string userId) => int.Parse(userId.AsSpan(1), CultureInfo.InvariantCulture);
}
