namespace AIOps.Dashboard.Hosting;

/// <summary>Where the AIOps host listens and keeps its data.</summary>
public sealed record AiopsHostOptions
{
    public const int DefaultPort = 8080;

    /// <summary>The UI and API address; port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = $"http://127.0.0.1:{DefaultPort}";

    public required string DataDirectory { get; init; }

    /// <summary>The travel platform's registry, shown on the system page and read by the service pages.</summary>
    public Uri? Registry { get; init; }

    /// <summary>OTLP/HTTP listener (port 4318 by convention); null: OTLP/HTTP only on <see cref="Urls"/>.</summary>
    public string? OtlpHttpUrl { get; init; } = "http://127.0.0.1:4318";

    /// <summary>The observed traffic's daily cycle when it is not 24 hours (the demo compresses a day); null: a day.</summary>
    public TimeSpan? TrafficSeason { get; init; }

    /// <summary>OTLP/gRPC listener port (4317 by convention); null: no gRPC listener.</summary>
    public int? OtlpGrpcPort { get; init; } = 4317;

    /// <summary>A JSON settings file read after appsettings.json and before the environment; null: none.</summary>
    public string? ConfigFile { get; init; }
}
