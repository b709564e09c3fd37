using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AIOps.Collector.Tests.Ingestion;

/// <summary>The real OpenTelemetry SDK exporter sends to the collector; the query API gives it all back.</summary>
public sealed class OtlpHttpIngestTests : IAsyncLifetime
{
    private readonly string _source = "test.ingest." + Guid.NewGuid().ToString("N")[..8];
    private CollectorHost _host = null!;

    public async Task InitializeAsync() => _host = await CollectorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty()
        .AddService("inventory", serviceVersion: "3.0.1", autoGenerateServiceInstanceId: false, serviceInstanceId: "inventory-2")
        .AddAttributes([new("deployment.environment", "test")]);

    private void Exporter(OtlpExporterOptions options, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(_host.BaseAddress, "v1/" + signal);
    }

    [Fact]
    public async Task Traces_SdkExport_TraceByIdReturnsEverySpanIntact_AndRedAndSearchSeeThem()
    {
        using var source = new ActivitySource(_source);
        string traceId;
        using (var provider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(_source).AddOtlpExporter(o => Exporter(o, "traces")).Build())
        {
            using (var server = source.StartActivity("GET /stock/{sku}", ActivityKind.Server)!)
            {
                server.SetTag("http.route", "/stock/{sku}");
                server.SetTag("stock.level", 42);
                server.AddEvent(new ActivityEvent("cache.miss"));
                server.SetStatus(ActivityStatusCode.Error, "stock service degraded");
                using (source.StartActivity("SELECT stock", ActivityKind.Client))
                {
                }

                traceId = server.TraceId.ToHexString();
            }

            provider.ForceFlush();
        }

        var spans = await _host.Http.GetFromJsonAsync<JsonElement>($"api/v1/traces/{traceId}");
        spans.GetArrayLength().Should().Be(2);
        var root = spans.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "server");
        root.GetProperty("name").GetString().Should().Be("GET /stock/{sku}");
        root.GetProperty("service").GetString().Should().Be("inventory");
        root.GetProperty("instance").GetString().Should().Be("inventory-2");
        root.GetProperty("status").GetString().Should().Be("error");
        root.GetProperty("statusMessage").GetString().Should().Be("stock service degraded");
        root.GetProperty("attributes").GetProperty("stock.level").GetInt64().Should().Be(42);
        root.GetProperty("events")[0].GetProperty("name").GetString().Should().Be("cache.miss");
        root.GetProperty("resource").GetProperty("deployment.environment").GetString().Should().Be("test");
        spans.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "client").GetProperty("parentSpanId").GetString()
            .Should().Be(root.GetProperty("spanId").GetString());

        var found = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/traces?service=inventory&error=true");
        found.EnumerateArray().Should().Contain(t => t.GetProperty("traceId").GetString() == traceId && t.GetProperty("rootOperation").GetString() == "GET /stock/{sku}");
        var services = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/services");
        var inventory = services.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "inventory");
        inventory.GetProperty("red").GetProperty("requests").GetInt64().Should().Be(1);
        inventory.GetProperty("red").GetProperty("errorRate").GetDouble().Should().Be(1);
    }

    [Fact]
    public async Task MetricsAndLogs_SdkExport_AreQueryable()
    {
        using var meter = new Meter(_source);
        var orders = meter.CreateCounter<long>("orders.placed", "{order}");
        using (var provider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(_source).AddOtlpExporter((o, _) => Exporter(o, "metrics")).Build())
        {
            orders.Add(4, new KeyValuePair<string, object?>("channel", "web"));
            orders.Add(1, new KeyValuePair<string, object?>("channel", "app"));
            provider.ForceFlush();
        }

        using (var factory = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(Resource());
                   o.IncludeFormattedMessage = true;
                   o.AddOtlpExporter(e => Exporter(e, "logs"));
               })))
        {
#pragma warning disable CA1848, CA2254 // the test uses the plain logging API as an application would
            factory.CreateLogger("Stock").LogError("Stock for {Sku} ran out", "sku-9");
#pragma warning restore CA1848, CA2254
        }

        var result = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=orders_placed_total&agg=sum&from=now-5m");
        result.GetProperty("series")[0].GetProperty("points").EnumerateArray().Last()[1].GetDouble().Should().Be(5);
        var web = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=orders_placed_total&match=channel%3Dweb&from=now-5m");
        web.GetProperty("series").GetArrayLength().Should().Be(1);
        web.GetProperty("series")[0].GetProperty("labels").GetProperty("service").GetString().Should().Be("inventory");

        var logs = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/logs?service=inventory&severity=error&text=ran%20out");
        logs.GetArrayLength().Should().Be(1);
        logs[0].GetProperty("body").GetString().Should().Be("Stock for sku-9 ran out");
        logs[0].GetProperty("attributes").GetProperty("Sku").GetString().Should().Be("sku-9");
    }

    [Fact]
    public async Task Json_OtlpJsonBody_IsAcceptedWithPartialSuccessForAnInvalidSpan()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"pricing"}}]},
              "scopeSpans":[{"scope":{"name":"manual"},"spans":[
                {"traceId":"TRACE_ID","spanId":"00f067aa0ba902b7","name":"quote","kind":2,
                 "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
                 "attributes":[{"key":"items","value":{"intValue":"3"}},{"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"x"}]}}}],
                 "status":{"code":1}},
                {"traceId":"abc","spanId":"00f067aa0ba902b8","name":"broken"}]}]}]}
            """.Replace("TRACE_ID", traceId, StringComparison.Ordinal);

        using var response = await _host.Http.PostAsync("v1/traces", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "'abc' is not valid hex");
        (await response.Content.ReadAsStringAsync()).Should().Contain("spans[1].traceId");

        using var partial = await _host.Http.PostAsync("v1/traces", new StringContent(json.Replace("\"abc\"", "\"0102\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        partial.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await partial.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("partialSuccess").GetProperty("rejectedSpans").GetString().Should().Be("1");
        var spans = await _host.Http.GetFromJsonAsync<JsonElement>($"api/v1/traces/{traceId}");
        spans[0].GetProperty("durationMs").GetDouble().Should().Be(250);
        spans[0].GetProperty("attributes").GetProperty("items").GetInt64().Should().Be(3);
        spans[0].GetProperty("attributes").GetProperty("tags").GetString().Should().Be("""["x"]""");
    }
}
