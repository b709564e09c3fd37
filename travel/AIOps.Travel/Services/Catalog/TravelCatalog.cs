using System.Globalization;
using AIOps.Travel.Hashing;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services.Catalog;

/// <summary>
/// The reference data every replica shares: derived from fixed seeds, so all replicas of all
/// processes agree on it without a database.
/// </summary>
public static class TravelCatalog
{
    public const string Currency = "EUR";
    public const int HotelsPerCity = 8;
    public const int FlightsPerRouteAndDay = 3;

    public static readonly IReadOnlyList<City> Cities =
    [
        new("PAR", "Paris", "FR", "CDG"),
        new("LON", "London", "GB", "LHR"),
        new("NYC", "New York", "US", "JFK"),
        new("TYO", "Tokyo", "JP", "HND"),
        new("BER", "Berlin", "DE", "BER"),
        new("MAD", "Madrid", "ES", "MAD"),
        new("ROM", "Rome", "IT", "FCO"),
        new("AMS", "Amsterdam", "NL", "AMS"),
        new("SIN", "Singapore", "SG", "SIN"),
        new("DXB", "Dubai", "AE", "DXB"),
        new("SYD", "Sydney", "AU", "SYD"),
        new("YTO", "Toronto", "CA", "YYZ"),
    ];

    private static readonly string[] s_hotelNames = ["Grand", "Central", "Riverside", "Park", "Royal", "Harbour", "Garden", "Plaza"];

    public static City? FindCity(string nameOrCode) =>
        Cities.FirstOrDefault(c => string.Equals(c.Name, nameOrCode, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Code, nameOrCode, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<Hotel> HotelsIn(City city) =>
        [.. Enumerable.Range(1, HotelsPerCity).Select(n => MakeHotel(city, n))];

    public static Hotel? FindHotel(string id)
    {
        // H-PAR-3
        var parts = id.Split('-');
        if (parts.Length != 3 || parts[0] != "H" || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > HotelsPerCity)
        {
            return null;
        }

        var city = Cities.FirstOrDefault(c => c.Code == parts[1]);
        return city is null ? null : MakeHotel(city, n);
    }

    public static IReadOnlyList<Flight> FlightsOn(string from, string to, DateOnly date)
    {
        if (from == to || Cities.All(c => c.Airport != from) || Cities.All(c => c.Airport != to))
        {
            return [];
        }

        return [.. Enumerable.Range(1, FlightsPerRouteAndDay).Select(n => MakeFlight(from, to, date, n))];
    }

    public static Flight? FindFlight(string id)
    {
        // F-CDGJFK-20261201-2
        var parts = id.Split('-');
        if (parts.Length != 4 || parts[0] != "F" || parts[1].Length != 6
            || !DateOnly.TryParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > FlightsPerRouteAndDay)
        {
            return null;
        }

        return FlightsOn(parts[1][..3], parts[1][3..], date).FirstOrDefault(f => f.Id == id);
    }

    private static Hotel MakeHotel(City city, int n)
    {
        var id = $"H-{city.Code}-{n.ToString(CultureInfo.InvariantCulture)}";
        var seed = StableHash.Of(id);
        var stars = 2 + (int)(seed % 4);
        var price = 40 + (stars * 35) + (decimal)(seed % 60);
        var rooms = 20 + (int)(seed % 41);
        return new Hotel(id, $"{s_hotelNames[(n - 1) % s_hotelNames.Length]} {city.Name} {n.ToString(CultureInfo.InvariantCulture)}", city.Name, stars, price, Currency, rooms);
    }

    private static Flight MakeFlight(string from, string to, DateOnly date, int n)
    {
        var day = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var id = $"F-{from}{to}-{day}-{n.ToString(CultureInfo.InvariantCulture)}";
        var route = StableHash.Of(from + to);
        var departure = new TimeOnly(6 + ((n - 1) * 6) + (int)(route % 3), (int)(route % 4) * 15);
        var duration = TimeSpan.FromMinutes(60 + (route % 720));
        var departs = date.ToDateTime(departure);
        var price = 80 + (decimal)(route % 600) + (n * 15);
        var number = $"AT{(100 + (route % 800) + (ulong)n).ToString(CultureInfo.InvariantCulture)}";
        return new Flight(id, number, from, to, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            departs.ToString("s", CultureInfo.InvariantCulture), (departs + duration).ToString("s", CultureInfo.InvariantCulture), price, Currency, 150);
    }
}
