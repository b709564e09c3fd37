using System.CommandLine;
using AIOps.Travel.Hosting;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Registry() => new("--registry")
    {
        Description = "The service registry's URL",
        DefaultValueFactory = _ => $"http://127.0.0.1:{ServeOptions.DefaultRegistryPort}/",
    };

    /// <summary>An absolute http(s) URL with a trailing slash, or an error naming the option.</summary>
    public static Uri Url(string value, string option) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new ArgumentException($"{option} must be an absolute http(s) URL, not '{value}'");

    public static Option<string> Otlp() => new("--otlp")
    {
        Description = "OTLP/HTTP endpoint for traces, metrics and logs, or 'none' (default: $OTEL_EXPORTER_OTLP_ENDPOINT or http://127.0.0.1:4318)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") ?? TelemetryOptions.DefaultEndpoint.ToString(),
    };

    public static Option<string?> OtlpHeaders() => new("--otlp-headers")
    {
        Description = "Extra OTLP export headers, k=v[,k=v] (default: $OTEL_EXPORTER_OTLP_HEADERS)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_HEADERS"),
    };

    public static Option<string> DeploymentEnvironment() => new("--env")
    {
        Description = "deployment.environment resource attribute",
        DefaultValueFactory = _ => "demo",
    };

    public static Option<double> MetricInterval() => new("--metric-interval")
    {
        Description = "Seconds between metric exports",
        DefaultValueFactory = _ => 10,
    };

    public static Option<string> Listen() => new("--listen")
    {
        Description = "Address to bind (0.0.0.0 in a container)",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static Option<int?> ParentPid() => new("--parent-pid")
    {
        Description = "Exit when this process ends (set by supervisors so that no child outlives them)",
    };

    /// <summary>Turns the OTLP option into telemetry options; 'none' disables export.</summary>
    public static TelemetryOptions Telemetry(string otlp, string? headers, string environment, double metricIntervalSeconds)
    {
        Uri? endpoint = null;
        if (!string.Equals(otlp, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(otlp.EndsWith('/') ? otlp : otlp + "/", UriKind.Absolute, out endpoint))
            {
                throw new ArgumentException($"--otlp must be an absolute URL or 'none', not '{otlp}'");
            }
        }

        if (metricIntervalSeconds is < 1 or > 3600)
        {
            throw new ArgumentException("--metric-interval must be between 1 and 3600 seconds");
        }

        return new TelemetryOptions(endpoint, headers, environment, TimeSpan.FromSeconds(metricIntervalSeconds));
    }
}
