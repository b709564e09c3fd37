using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using AIOps.Travel.Discovery;

namespace AIOps.Travel.Telemetry;

/// <summary>
/// Wires the OpenTelemetry SDK for one service process: traces from ASP.NET Core, HttpClient and the
/// platform's source; the built-in ASP.NET Core, Kestrel, HttpClient and runtime meters plus business
/// metrics; logs correlated to traces. All exported over OTLP/HTTP protobuf; metrics also served at /metrics.
/// </summary>
internal static class TelemetrySetup
{
    private static readonly string[] s_meters =
    [
        TravelTelemetry.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",
    ];

    public static ResourceBuilder Resource(InstanceIdentity identity, TelemetryOptions options) =>
        ResourceBuilder.CreateEmpty()
            .AddService(identity.Service, serviceNamespace: "travel", serviceVersion: identity.Version, autoGenerateServiceInstanceId: false, serviceInstanceId: identity.InstanceId)
            .AddAttributes([
                new("deployment.environment", options.Environment),
                new("deployment.environment.name", options.Environment),
                new("host.name", System.Environment.MachineName),
                new("process.pid", (long)System.Environment.ProcessId),
            ]);

    /// <summary>Starts the tracer and meter providers; dispose the result to flush them at shutdown.</summary>
    public static TelemetryProviders Start(InstanceIdentity identity, TelemetryOptions options, bool traceFramework = true)
    {
        var resource = Resource(identity, options);
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .SetSampler(new ParentBasedSampler(new BackgroundNoiseSampler()))
            .AddProcessor(new PeerServiceProcessor())
            .AddSource(TravelTelemetry.Name);
        if (traceFramework)
        {
            tracing.AddSource("Microsoft.AspNetCore", "System.Net.Http");
        }

        // The same metrics, pulled: /metrics renders them for Prometheus-style scrapers.
        var prometheus = new PrometheusTextExporter();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(s_meters)
            .AddReader(new BaseExportingMetricReader(prometheus));
        if (options.Endpoint is { } endpoint)
        {
            tracing.AddOtlpExporter(o =>
            {
                Configure(o, endpoint, "v1/traces", options.Headers);
                o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 1000;
            });
            metrics.AddOtlpExporter((o, reader) =>
            {
                Configure(o, endpoint, "v1/metrics", options.Headers);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricInterval.TotalMilliseconds;
            });
        }

        return new TelemetryProviders(tracing.Build(), metrics.Build(), prometheus);
    }

    public static void AddLogging(ILoggingBuilder logging, InstanceIdentity identity, TelemetryOptions options)
    {
        if (options.Endpoint is not { } endpoint)
        {
            return;
        }

        logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource(identity, options));
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
            o.ParseStateValues = true;
            o.AddOtlpExporter((exporter, processor) =>
            {
                Configure(exporter, endpoint, "v1/logs", options.Headers);
                processor.BatchExportProcessorOptions.ScheduledDelayMilliseconds = 1000;
            });
        });
    }

    private static void Configure(OtlpExporterOptions options, Uri endpoint, string path, string? headers)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint, path);
        if (!string.IsNullOrWhiteSpace(headers))
        {
            options.Headers = headers;
        }
    }
}
