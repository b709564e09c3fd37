using System.Globalization;

namespace AIOps.Dashboard.Demo;

/// <summary>
/// How much one replica of a travel service serves in the demo: <paramref name="Workers"/> requests at once, each
/// holding a worker for <paramref name="WorkMs"/> of simulated work (the travel service's --workers and --work-ms).
/// </summary>
public sealed record ServiceCapacity(int Workers, double WorkMs)
{
    /// <summary>Requests a second one replica serves flat out.</summary>
    public double RequestsPerSecond => WorkMs > 0 ? Workers * 1000 / WorkMs : double.PositiveInfinity;

    /// <summary>Parses "hotel=2x50,flight=2x50" (workers x milliseconds) or "none"; the message names the bad entry.</summary>
    public static IReadOnlyDictionary<string, ServiceCapacity> ParseAll(string? text)
    {
        var result = new Dictionary<string, ServiceCapacity>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "none")
        {
            return result;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 'x');
            if (pieces.Length != 3 || !DemoOptions.Services.Contains(pieces[0]) || pieces[0] == "gateway"
                || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var workers) || workers is < 1 or > 1000
                || !double.TryParse(pieces[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms) || ms is <= 0 or > 10_000)
            {
                throw new ArgumentException($"--capacity entry '{part}' must be service=WORKERSxMILLISECONDS with a known service other than the gateway, 1 to 1000 workers and 0 to 10000 ms");
            }

            result[pieces[0]] = new ServiceCapacity(workers, ms);
        }

        return result;
    }
}
