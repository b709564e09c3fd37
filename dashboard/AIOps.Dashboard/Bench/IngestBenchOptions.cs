namespace AIOps.Dashboard.Bench;

/// <summary>How `aiops bench ingest` loads each target.</summary>
public sealed record IngestBenchOptions
{
    /// <summary>Seconds of sustained load per phase.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests in flight per phase.</summary>
    public int Concurrency { get; init; } = 8;

    public int SpansPerRequest { get; init; } = 512;

    public int SamplesPerRequest { get; init; } = 2000;

    /// <summary>Distinct series the remote-write load cycles through.</summary>
    public int Series { get; init; } = 20_000;

    /// <summary>Also load Prometheus and VictoriaMetrics (Debian packages prometheus and victoria-metrics) with the same remote-write load.</summary>
    public bool Compare { get; init; } = true;

    public required string AiopsDll { get; init; }
}
