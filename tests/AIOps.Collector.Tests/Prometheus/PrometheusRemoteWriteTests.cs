using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>The real Prometheus 2.42 scraping itself and remote-writing to the receiver.</summary>
public sealed class PrometheusRemoteWriteTests : IAsyncLifetime
{
    private readonly RecordingIngest _ingest = new();
    private WebApplication _receiver = null!;

    public async Task InitializeAsync() =>
        _receiver = await LoopbackApp.StartAsync(
            app => app.MapPrometheusRemoteWrite(),
            services => services.AddPrometheusRemoteWrite().AddSingleton<ITelemetryIngest>(_ingest));

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task RemoteWrite_FromRealPrometheus_SamplesAndMetadataArriveWithLabels()
    {
        var write = new Uri(new Uri(_receiver.Urls.First()), PrometheusEndpoints.RemoteWritePath);
        await using var prometheus = PrometheusServer.Start(self => $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              external_labels:
                cluster: test
            scrape_configs:
              - job_name: prometheus
                static_configs:
                  - targets: ['{self}']
            remote_write:
              - url: {write}
                queue_config:
                  batch_send_deadline: 1s
                  min_backoff: 100ms
                metadata_config:
                  send_interval: 1s
            """);

        await Poll.UntilAsync(
            () => prometheus.HasExited || (Find("up") is not null && Find("prometheus_build_info") is not null && SelfScrapes() is not null
                                           && _ingest.Metadata.Any(m => m.Name == "prometheus_http_request_duration_seconds")),
            TimeSpan.FromSeconds(90),
            "Prometheus to remote-write up, prometheus_build_info and metadata");
        prometheus.HasExited.Should().BeFalse(prometheus.Output);

        var up = Find("up")!.Value;
        up.Value.Should().Be(1);
        up.Series.Labels.Should().Contain([new Label("job", "prometheus"), new Label("instance", prometheus.Address), new Label("cluster", "test")]);
        var buildInfo = Find("prometheus_build_info")!.Value;
        buildInfo.Value.Should().Be(1);
        buildInfo.Series["version"].Should().StartWith("2.42.");
        buildInfo.Series["goversion"].Should().StartWith("go");
        buildInfo.TimestampMs.Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 120_000);
        SelfScrapes()!.Value.Value.Should().BeGreaterThanOrEqualTo(1, "Prometheus has scraped its own /metrics");
        _ingest.Metadata.Should().Contain(m => m.Name == "prometheus_http_requests_total" && m.Type == MetricType.Counter && m.Help != null);
        _ingest.Metadata.Should().Contain(m => m.Name == "prometheus_http_request_duration_seconds" && m.Type == MetricType.Histogram);
    }

    private MetricSample? SelfScrapes() =>
        _ingest.Samples.Where(s => s.Series.Name == "prometheus_http_requests_total" && s.Series["handler"] == "/metrics").Select(s => (MetricSample?)s).LastOrDefault();

    private MetricSample? Find(string name) =>
        _ingest.Samples.Where(s => s.Series.Name == name && s.Series["job"] == "prometheus").Select(s => (MetricSample?)s).LastOrDefault();
}
