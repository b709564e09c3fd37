using System.Diagnostics;
using System.Diagnostics.Metrics;
using AIOps.Collector.Model;
using AIOps.Collector.Otlp;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using MetricType = AIOps.Collector.Model.MetricType;
using SpanKind = AIOps.Collector.Model.SpanKind;

namespace AIOps.Collector.Tests.Otlp;

/// <summary>The decoder against what the real OpenTelemetry .NET SDK exporter (1.20.1) puts on the wire.</summary>
public sealed class OtlpProtobufDecoderTests : IAsyncLifetime
{
    private readonly string _source = "test.decoder." + Guid.NewGuid().ToString("N")[..8];
    private OtlpExportCapture _capture = null!;

    public async Task InitializeAsync() => _capture = await OtlpExportCapture.StartAsync();

    public async Task DisposeAsync() => await _capture.DisposeAsync();

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty()
        .AddService("checkout", serviceNamespace: "shop", serviceVersion: "2.1.0", autoGenerateServiceInstanceId: false, serviceInstanceId: "checkout-7")
        .AddAttributes([new("deployment.environment", "test")]);

    private void Exporter(OtlpExporterOptions options, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(_capture.Endpoint, "v1/" + signal);
    }

    [Fact]
    public void DecodeTraces_SdkExport_KeepsEverySpanField()
    {
        using var source = new ActivitySource(_source, "1.0.0");
        var linked = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        string traceId, parentId, childId;
        using (var provider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(_source)
                   .AddOtlpExporter(o => Exporter(o, "traces")).Build())
        {
            using (var parent = source.StartActivity("GET /orders/{id}", ActivityKind.Server)!)
            {
                parent.SetTag("http.route", "/orders/{id}");
                parent.SetTag("http.response.status_code", 503);
                parent.SetTag("retry", true);
                parent.SetTag("ratio", 0.25);
                parent.SetTag("tags", new[] { "a", "b" });
                parent.AddEvent(new ActivityEvent("fault.applied", tags: new ActivityTagsCollection { ["fault.kind"] = "latency" }));
                parent.SetStatus(ActivityStatusCode.Error, "upstream unavailable");
                using (var child = source.StartActivity("SELECT orders", ActivityKind.Client, parent.Context, links: [new ActivityLink(linked)])!)
                {
                    childId = child.SpanId.ToHexString();
                }

                traceId = parent.TraceId.ToHexString();
                parentId = parent.SpanId.ToHexString();
            }

            provider.ForceFlush();
        }

        var decoder = new OtlpProtobufDecoder();
        var spans = _capture.Bodies("traces").SelectMany(b => decoder.DecodeTraces(b).Batch.Spans).ToList();

        spans.Should().HaveCount(2);
        var server = spans.Single(s => s.Kind == SpanKind.Server);
        server.TraceId.ToString().Should().Be(traceId);
        server.SpanId.ToString().Should().Be(parentId);
        server.ParentSpanId.IsEmpty.Should().BeTrue();
        server.Name.Should().Be("GET /orders/{id}");
        server.Status.Should().Be(SpanStatus.Error);
        server.StatusMessage.Should().Be("upstream unavailable");
        server.DurationNanos.Should().BePositive();
        server.Attributes.Should().Contain(new KeyValue("http.route", AttributeValue.OfText("/orders/{id}")));
        server.Attributes.Should().Contain(new KeyValue("http.response.status_code", AttributeValue.OfIntegral(503)));
        server.Attributes.Should().Contain(new KeyValue("retry", AttributeValue.OfTruth(true)));
        server.Attributes.Should().Contain(new KeyValue("ratio", AttributeValue.OfReal(0.25)));
        server.Attributes.Single(a => a.Key == "tags").Value.Should().Be(AttributeValue.OfJson("""["a","b"]"""));
        server.Events.Should().ContainSingle(e => e.Name == "fault.applied" && e.Attributes.Contains(new KeyValue("fault.kind", AttributeValue.OfText("latency"))));
        server.Resource.Service.Should().Be("checkout");
        server.Resource.Instance.Should().Be("checkout-7");
        server.Resource.Version.Should().Be("2.1.0");
        server.Resource.Environment.Should().Be("test");
        server.Scope.Name.Should().Be(_source);
        server.Scope.Version.Should().Be("1.0.0");

        var client = spans.Single(s => s.Kind == SpanKind.Client);
        client.SpanId.ToString().Should().Be(childId);
        client.ParentSpanId.ToString().Should().Be(parentId);
        client.Links.Should().ContainSingle(l => l.TraceId.ToString() == linked.TraceId.ToHexString() && l.SpanId.ToString() == linked.SpanId.ToHexString());
    }

    [Fact]
    public void DecodeMetrics_SdkExport_GivesPrometheusStyleSeries()
    {
        using var meter = new Meter(_source);
        var requests = meter.CreateCounter<long>("http.requests", "{request}");
        var duration = meter.CreateHistogram<double>("http.server.request.duration", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.025, 0.1, 0.5] });
        var queue = meter.CreateUpDownCounter<int>("queue.depth", "{message}");
        meter.CreateObservableGauge("process.cpu.utilization", () => 0.42, "1");
        using (var provider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(_source)
                   .AddOtlpExporter((o, _) => Exporter(o, "metrics")).Build())
        {
            requests.Add(3, new KeyValuePair<string, object?>("http.route", "/orders"));
            requests.Add(2, new KeyValuePair<string, object?>("http.route", "/orders"));
            foreach (var seconds in new[] { 0.004, 0.02, 0.02, 0.3 })
            {
                duration.Record(seconds, new KeyValuePair<string, object?>("http.route", "/orders"));
            }

            queue.Add(7);
            queue.Add(-2);
            provider.ForceFlush();
        }

        var decoded = _capture.Bodies("metrics").Select(b => new OtlpProtobufDecoder().DecodeMetrics(b).Batch).ToList();
        var samples = decoded.SelectMany(b => b.Samples).ToList();
        MetricSample Series(string name, params (string Name, string Value)[] labels) =>
            samples.LastOrDefault(s => s.Series.Name == name && labels.All(l => s.Series[l.Name] == l.Value)) is { Series: not null } found
                ? found
                : throw new InvalidOperationException($"no {name} among: {string.Join(", ", samples.Select(s => s.Series.ToString()).Distinct())}");

        Series("http_requests_total", ("http_route", "/orders"), ("job", "shop/checkout"), ("instance", "checkout-7"), ("service", "checkout")).Value.Should().Be(5);
        Series("http_server_request_duration_seconds_count").Value.Should().Be(4);
        Series("http_server_request_duration_seconds_sum").Value.Should().BeApproximately(0.344, 1e-9);
        Series("http_server_request_duration_seconds_bucket", ("le", "0.005")).Value.Should().Be(1);
        Series("http_server_request_duration_seconds_bucket", ("le", "0.025")).Value.Should().Be(3);
        Series("http_server_request_duration_seconds_bucket", ("le", "+Inf")).Value.Should().Be(4);
        Series("queue_depth").Value.Should().Be(5);
        Series("process_cpu_utilization_ratio").Value.Should().Be(0.42);
        samples.Should().OnlyContain(s => s.TimestampMs > 1_600_000_000_000);
        decoded.SelectMany(b => b.Metadata).Should().Contain(new MetricMetadata("http_requests_total", MetricType.Counter, "{request}", null))
            .And.Contain(m => m.Name == "http_server_request_duration_seconds" && m.Type == MetricType.Histogram);
    }

    [Fact]
    public void DecodeLogs_SdkExport_KeepsSeverityBodyAttributesAndTraceContext()
    {
        using var source = new ActivitySource(_source);
        using var listener = new ActivityListener { ShouldListenTo = s => s.Name == _source, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(listener);
        string traceId, spanId;
        using (var factory = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(Resource());
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(e => Exporter(e, "logs"));
               })))
        {
            var logger = factory.CreateLogger("Orders");
            using (var activity = source.StartActivity("work")!)
            {
                traceId = activity.TraceId.ToHexString();
                spanId = activity.SpanId.ToHexString();
#pragma warning disable CA1848, CA2254 // the test exercises the plain logging API an application would use
                logger.LogWarning("Order {OrderId} took {Ms} ms", "o-17", 950);
#pragma warning restore CA1848, CA2254
            }
        }

        var record = _capture.Bodies("logs").SelectMany(b => new OtlpProtobufDecoder().DecodeLogs(b).Batch.Records).Single();
        record.SeverityNumber.Should().Be(13);
        record.Body.Should().Be("Order o-17 took 950 ms");
        record.Attributes.Should().Contain(new KeyValue("OrderId", AttributeValue.OfText("o-17")));
        record.TraceId.ToString().Should().Be(traceId);
        record.SpanId.ToString().Should().Be(spanId);
        record.Resource.Service.Should().Be("checkout");
        record.EffectiveTimeUnixNano.Should().BePositive();
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x05, 0x01 }, "runs past the end")]
    [InlineData(new byte[] { 0x0a }, "truncated varint")]
    [InlineData(new byte[] { 0x0b, 0x00 }, "wire type")]
    [InlineData(new byte[] { 0x0a, 0x02, 0x12, 0x09 }, "runs past the end")]
    public void DecodeTraces_MalformedBody_ThrowsWithAReason(byte[] body, string reason)
    {
        var act = () => new OtlpProtobufDecoder().DecodeTraces(body);

        act.Should().Throw<OtlpFormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void DecodeTraces_SpanWithShortTraceId_IsRejectedNotFatal()
    {
        // resource_spans { scope_spans { spans { trace_id: 3 bytes, span_id: 8 bytes } } }
        byte[] span = [0x0a, 0x03, 1, 2, 3, 0x12, 0x08, 1, 2, 3, 4, 5, 6, 7, 8];
        byte[] scope = [0x12, (byte)span.Length, .. span];
        byte[] resource = [0x12, (byte)scope.Length, .. scope];
        byte[] body = [0x0a, (byte)resource.Length, .. resource];

        var result = new OtlpProtobufDecoder().DecodeTraces(body);

        result.Batch.Spans.Should().BeEmpty();
        result.Rejected.Should().Be(1);
        result.RejectionReason.Should().Contain("trace_id");
    }
}
