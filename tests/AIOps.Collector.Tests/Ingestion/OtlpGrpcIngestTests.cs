using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Otlp.Grpc;
using AIOps.Collector.Query;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AIOps.Collector.Tests.Ingestion;

/// <summary>The real SDK exporter over gRPC into the real collector and store; the query API gives it back.</summary>
public sealed class OtlpGrpcIngestTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-grpc-ingest-").FullName;
    private readonly string _source = "test.grpc." + Guid.NewGuid().ToString("N")[..8];
    private readonly int _grpcPort = LoopbackPort.Free();
    private readonly int _httpPort = LoopbackPort.Free();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            OtlpGrpcListener.Listen(kestrel, IPAddress.Loopback, _grpcPort);
            kestrel.Listen(IPAddress.Loopback, _httpPort);
        });
        builder.Services.AddCollector(o => o.DataDirectory = _directory).AddOtlpGrpc();
        _app = builder.Build();
        _app.Services.GetRequiredService<IngestPipeline>();
        _app.MapOtlpGrpc();
        _app.MapCollectorQueries();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}/") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private void Exporter(OtlpExporterOptions options)
    {
        options.Protocol = OtlpExportProtocol.Grpc;
        options.Endpoint = new Uri($"http://127.0.0.1:{_grpcPort}");
    }

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty().AddService("billing", autoGenerateServiceInstanceId: false, serviceInstanceId: "billing-1");

    [Fact]
    public async Task SdkGrpcExport_TracesMetricsAndLogs_AreStoredAndQueryable()
    {
        using var source = new ActivitySource(_source);
        using var meter = new Meter(_source);
        var invoices = meter.CreateCounter<long>("invoices.issued");
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(_source).AddOtlpExporter(Exporter).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(_source).AddOtlpExporter((o, _) => Exporter(o)).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(Resource());
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(Exporter);
               })))
        {
            using (var span = source.StartActivity("POST /invoices", ActivityKind.Server)!)
            {
                span.SetTag("invoice.total", 120.5);
                traceId = span.TraceId.ToHexString();
#pragma warning disable CA1848, CA2254, CA1873 // the plain logging API, as an application would use it
                logging.CreateLogger("Billing").LogInformation("Invoice {Number} issued", "inv-77");
#pragma warning restore CA1848, CA2254, CA1873
            }

            invoices.Add(2);
            tracing.ForceFlush();
            metrics.ForceFlush();
        }

        var spans = await _http.GetFromJsonAsync<JsonElement>($"api/v1/traces/{traceId}");
        spans[0].GetProperty("name").GetString().Should().Be("POST /invoices");
        spans[0].GetProperty("attributes").GetProperty("invoice.total").GetDouble().Should().Be(120.5);
        var logs = await _http.GetFromJsonAsync<JsonElement>($"api/v1/logs?traceId={traceId}");
        logs[0].GetProperty("body").GetString().Should().Be("Invoice inv-77 issued");
        var series = await _http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=invoices_issued_total&from=now-5m");
        series.GetProperty("series")[0].GetProperty("points").EnumerateArray().Last()[1].GetDouble().Should().Be(2);
    }
}
