using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>Scraping a real travel service process: its /metrics page and the worker over registry discovery.</summary>
public sealed class TravelScrapeTests(TravelUserService travel) : IClassFixture<TravelUserService>
{
    [Fact]
    public async Task Metrics_AfterARequest_ParsesWithRequestDurationBuckets()
    {
        using (var health = await travel.Http.GetAsync(new Uri(travel.Address, "healthz")))
        {
            health.EnsureSuccessStatusCode();
        }

        using var response = await travel.Http.GetAsync(new Uri(travel.Address, "metrics"));
        var page = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().Should().Be(ExpositionWriter.ContentType);
        var batch = ExpositionParser.Parse(page, 0);
        batch.Metadata.Should().Contain(m => m.Name == "http_server_request_duration_seconds" && m.Type == MetricType.Histogram);
        var buckets = batch.Samples.Where(s => s.Series.Name == "http_server_request_duration_seconds_bucket" && s.Series["http_route"] == "/healthz").ToList();
        buckets.Should().NotBeEmpty();
        buckets.Should().Contain(s => s.Series["le"] == "+Inf" && s.Value >= 1);
        buckets.Select(s => s.Value).Should().BeInAscendingOrder("buckets are cumulative");
        batch.Samples.Should().Contain(s => s.Series.Name == "http_server_request_duration_seconds_count" && s.Series["http_route"] == "/healthz" && s.Value >= 1);
        batch.Samples.Should().Contain(s => s.Series.Name == "dotnet_process_memory_working_set_bytes" && s.Value > 0);
    }

    [Fact]
    public async Task RunOnceAsync_ThroughTheRegistry_ScrapesTheReplicaUp()
    {
        var ingest = new RecordingIngest();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddSingleton<ITelemetryIngest>(ingest)
            .AddPrometheusScrape()
            .Configure<ScrapeOptions>(o => o.Registry = travel.Registry);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ScrapeWorker>().RunOnceAsync(CancellationToken.None);

        var replica = new[] { new Label("instance", TravelUserService.InstanceId), new Label("job", "travel/user"), new Label("service", "user") };
        ingest.Samples.Should().Contain(s => s.Series.Equals(new SeriesKey("up", replica)) && s.Value == 1);
        ingest.Samples.Should().Contain(s => s.Series.Name == "kestrel_active_connections" && s.Series["job"] == "travel/user" && s.Series["instance"] == TravelUserService.InstanceId);
        ingest.Samples.Single(s => s.Series.Equals(new SeriesKey("scrape_samples_scraped", replica))).Value.Should().BeGreaterThan(10);
    }
}
