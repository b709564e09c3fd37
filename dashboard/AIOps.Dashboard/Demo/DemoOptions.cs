using System.Globalization;

namespace AIOps.Dashboard.Demo;

/// <summary>What `aiops demo` starts.</summary>
public sealed record DemoOptions
{
    public static readonly IReadOnlyList<string> Services = ["gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"];

    /// <summary>The travel executable (travel.dll, run with dotnet).</summary>
    public required string TravelDll { get; init; }

    public required string DataDirectory { get; init; }

    public int RegistryPort { get; init; } = 5010;

    public int GatewayPort { get; init; } = 5000;

    /// <summary>Where the services send OTLP (the AIOps host's collector).</summary>
    public string Otlp { get; init; } = "http://127.0.0.1:4318";

    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    public string Balancer { get; init; } = "least-response-time";

    /// <summary>Mean load in requests per second; 0 starts no load generator.</summary>
    public double Qps { get; init; } = 40;

    /// <summary>Real minutes per simulated day of traffic.</summary>
    public double DayMinutes { get; init; } = 60;

    /// <summary>Simulated start, in hours since Monday 00:00; null: the current time of week (UTC).</summary>
    public double? StartHour { get; init; }

    /// <summary>Flash sales per simulated day.</summary>
    public double FlashSalesPerDay { get; init; } = 1;

    /// <summary>Flash sales announced for set times: real seconds after the load starts.</summary>
    public IReadOnlyList<double> FlashSalesAt { get; init; } = [];

    /// <summary>Per service, what one replica serves; services not named have no limit.</summary>
    public IReadOnlyDictionary<string, ServiceCapacity> Capacity { get; init; } = new Dictionary<string, ServiceCapacity>();

    /// <summary>The remediation policy file the host heals the platform with; null: remediation off.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>Alertmanager to send incidents to and hold silences in; null: none.</summary>
    public Uri? Alertmanager { get; init; }

    /// <summary>The bearer token Alertmanager's webhook must send to the host; null: no webhook receiver.</summary>
    public string? WebhookToken { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int ReplicasOf(string service) => Replicas.TryGetValue(service, out var n) ? n : 1;

    /// <summary>Parses "hotel=2,flight=3"; the message names the bad entry.</summary>
    public static IReadOnlyDictionary<string, int> ParseReplicas(string? text)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=');
            if (pieces.Length != 2 || !Services.Contains(pieces[0]) || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 10)
            {
                throw new ArgumentException($"--replicas entry '{part}' must be service=count with a known service and a count of 1 to 10");
            }

            if (pieces[0] == "gateway" && n != 1)
            {
                throw new ArgumentException($"--replicas entry '{part}': the gateway listens on a fixed port and runs once");
            }

            result[pieces[0]] = n;
        }

        return result;
    }
}
