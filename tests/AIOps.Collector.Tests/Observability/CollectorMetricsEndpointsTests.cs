using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Collector.Prometheus;
using AIOps.Collector.Tests.Ingestion;
using AIOps.Collector.Tests.Prometheus;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Observability;

/// <summary>The collector's /metrics, read by our own parser and by a real Prometheus that also remote-writes back into the collector.</summary>
public sealed class CollectorMetricsEndpointsTests : IAsyncLifetime
{
    private CollectorHost _host = null!;

    public async Task InitializeAsync() => _host = await CollectorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterIngest_CountAcceptedItemsQueueStoreSizeAndWriteLatency()
    {
        using (var content = new ByteArrayContent(OtlpHttpBadInputTests.ValidTrace(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), 7)))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-protobuf");
            (await _host.Http.PostAsync("v1/traces", content)).EnsureSuccessStatusCode();
        }

        using var response = await _host.Http.GetAsync("metrics");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var page = ExpositionParser.Parse(await response.Content.ReadAsStringAsync(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        double Value(string name, string signal) => page.Samples.Single(s => s.Series.Name == name && s.Series["signal"] == signal).Value;
        Value("aiops_ingest_accepted_total", "traces").Should().Be(7);
        Value("aiops_ingest_queue_items", "traces").Should().Be(0);
        Value("aiops_store_size_bytes", "traces").Should().BePositive();
        Value("aiops_store_write_duration_seconds_count", "traces").Should().BeGreaterThanOrEqualTo(1);
        page.Metadata.Should().Contain(m => m.Name == "aiops_store_write_duration_seconds" && m.Type == Model.MetricType.Histogram);
    }

    [Fact]
    public async Task RealPrometheus_ScrapesTheCollectorAndRemoteWritesIntoIt()
    {
        var collector = _host.BaseAddress.Authority;
        await using var prometheus = PrometheusServer.Start(_ => $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: aiops
                static_configs:
                  - targets: ['{collector}']
            remote_write:
              - url: http://{collector}/api/v1/write
                queue_config:
                  batch_send_deadline: 1s
                  min_backoff: 100ms
            """);

        // Prometheus scraped our /metrics (up == 1) and wrote what it scraped back into our store.
        await Poll.UntilAsync(
            async () =>
            {
                if (prometheus.HasExited)
                {
                    throw new InvalidOperationException("prometheus exited: " + prometheus.Output);
                }

                var result = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=aiops_ingest_accepted_total&match=job%3Daiops&from=now-5m");
                return result.GetProperty("series").GetArrayLength() == 3;
            },
            TimeSpan.FromSeconds(60),
            "aiops_ingest_accepted_total scraped by Prometheus and remote-written back");
        var up = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=up&match=job%3Daiops&from=now-5m");
        up.GetProperty("series")[0].GetProperty("points").EnumerateArray().Last()[1].GetDouble().Should().Be(1);
        var accepted = await _host.Http.GetFromJsonAsync<JsonElement>("api/v1/metrics/query?name=aiops_ingest_accepted_total&match=signal%3Dmetrics&match=job%3Daiops&from=now-5m");
        accepted.GetProperty("series")[0].GetProperty("labels").GetProperty("instance").GetString().Should().Be(collector);
    }
}
