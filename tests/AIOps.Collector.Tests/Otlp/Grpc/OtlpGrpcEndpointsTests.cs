using System.Diagnostics;
using System.Diagnostics.Metrics;
using AIOps.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpanKind = AIOps.Collector.Model.SpanKind;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>The OTLP/gRPC receiver on a real host, fed by the OpenTelemetry .NET SDK's gRPC exporter (raw calls in the .Raw part).</summary>
public sealed partial class OtlpGrpcEndpointsTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly string _source = "test.grpc." + Guid.NewGuid().ToString("N")[..8];
    private readonly RecordingIngest _ingest = new();
    private readonly RawGrpcClient _client = new();
    private readonly ManualTimeProvider _clock = new();
    private OtlpGrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OtlpGrpcTestServer.StartAsync(_ingest, _clock);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty()
        .AddService("checkout", serviceVersion: "2.1.0", autoGenerateServiceInstanceId: false, serviceInstanceId: "checkout-7");

    private void Grpc(OtlpExporterOptions options)
    {
        options.Protocol = OtlpExportProtocol.Grpc;
        options.Endpoint = _server.GrpcEndpoint;
    }

    [Fact]
    public async Task Export_SdkTraceExporter_RecordsTheSpans()
    {
        using var source = new ActivitySource(_source);
        string traceId, parentId, childId;
        using (var provider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(_source).AddOtlpExporter(Grpc).Build())
        {
            using (var parent = source.StartActivity("GET /orders/{id}", ActivityKind.Server)!)
            {
                using (var child = source.StartActivity("SELECT orders", ActivityKind.Client)!)
                {
                    childId = child.SpanId.ToHexString();
                }

                traceId = parent.TraceId.ToHexString();
                parentId = parent.SpanId.ToHexString();
            }

            provider.ForceFlush().Should().BeTrue();
        }

        await Poll.UntilAsync(() => _ingest.Spans.Count >= 2, s_timeout, "two spans");
        var spans = _ingest.Spans;
        spans.Should().HaveCount(2, "a successful export is not retried");
        var server = spans.Single(s => s.Kind == SpanKind.Server);
        server.Name.Should().Be("GET /orders/{id}");
        server.TraceId.ToString().Should().Be(traceId);
        server.SpanId.ToString().Should().Be(parentId);
        server.Resource.Service.Should().Be("checkout");
        var client = spans.Single(s => s.Kind == SpanKind.Client);
        client.Name.Should().Be("SELECT orders");
        client.SpanId.ToString().Should().Be(childId);
        client.ParentSpanId.ToString().Should().Be(parentId);
    }

    [Fact]
    public void Export_SdkTraceExporter_ReportsSuccess()
    {
        using var exporter = new OtlpTraceExporter(new OtlpExporterOptions { Protocol = OtlpExportProtocol.Grpc, Endpoint = _server.GrpcEndpoint });
        using var activity = new Activity("direct").Start();
        activity.Stop();

        exporter.Export(new Batch<Activity>([activity], 1)).Should().Be(ExportResult.Success);

        _ingest.Spans.Should().ContainSingle(s => s.Name == "direct" && s.SpanId.ToString() == activity.SpanId.ToHexString());
    }

    [Fact]
    public async Task Export_SdkMetricExporter_RecordsTheSeries()
    {
        using var meter = new Meter(_source);
        var requests = meter.CreateCounter<long>("shop.requests");
        meter.CreateObservableGauge("shop.queue.depth", () => 17);
        using (var provider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(_source)
                   .AddOtlpExporter((options, _) => Grpc(options)).Build())
        {
            requests.Add(3, new KeyValuePair<string, object?>("route", "/orders"));
            requests.Add(4, new KeyValuePair<string, object?>("route", "/orders"));
            requests.Add(1, new KeyValuePair<string, object?>("route", "/users"));
            provider.ForceFlush().Should().BeTrue();
        }

        double? Value(string name, string? route = null) => _ingest.Samples
            .LastOrDefault(s => s.Series.Name == name && (route is null || s.Series["route"] == route)) is { Series: not null } sample ? sample.Value : null;
        await Poll.UntilAsync(() => Value("shop_requests_total", "/users") is not null && Value("shop_queue_depth") is not null, s_timeout, "the exported series");
        Value("shop_requests_total", "/orders").Should().Be(7);
        Value("shop_requests_total", "/users").Should().Be(1);
        Value("shop_queue_depth").Should().Be(17);
        _ingest.Samples.Should().Contain(s => s.Series.Name == "shop_requests_total" && s.Series["service"] == "checkout" && s.Series["instance"] == "checkout-7");
    }

    [Fact]
    public async Task Export_SdkLogExporter_RecordsTheLogBodies()
    {
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
               {
                   options.SetResourceBuilder(Resource());
                   options.IncludeFormattedMessage = true;
                   options.AddOtlpExporter(Grpc);
               })))
        {
            var logger = factory.CreateLogger("Orders");
#pragma warning disable CA1848, CA2254 // the plain logging API an application would use
            logger.LogWarning("Order {OrderId} is late", "o-17");
            logger.LogError("Payment for {OrderId} failed", "o-18");
#pragma warning restore CA1848, CA2254
        }

        await Poll.UntilAsync(() => _ingest.Logs.Count >= 2, s_timeout, "two log records");
        _ingest.Logs.Select(l => (l.Body, l.SeverityNumber)).Should().BeEquivalentTo([("Order o-17 is late", 13), ("Payment for o-18 failed", 17)]);
        _ingest.Logs.Should().OnlyContain(l => l.Resource.Service == "checkout");
    }
}
