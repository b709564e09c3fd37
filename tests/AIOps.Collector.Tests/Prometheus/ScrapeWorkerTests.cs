using System.Globalization;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Prometheus;
using AIOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIOps.Collector.Tests.Prometheus;

/// <summary>The scraper against stand-in targets and a stand-in registry on loopback.</summary>
public sealed class ScrapeWorkerTests : IAsyncLifetime
{
    private const string Page = """
        # HELP orders_total Orders placed.
        # TYPE orders_total counter
        orders_total{job="inner",kind="hotel"} 12
        orders_total{kind="flight"} 3
        # TYPE queue_depth gauge
        queue_depth 4 1600000000000
        """;

    private readonly RecordingIngest _ingest = new();
    private volatile bool _registryDown;
    private WebApplication _targets = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _targets = await LoopbackApp.StartAsync(app =>
        {
            app.MapGet("/metrics", () => Results.Text(Page, ExpositionWriter.ContentType));
            app.MapGet("/broken", () => Results.Text("orders_total{kind=\"hotel\" 12\n", ExpositionWriter.ContentType));
            app.MapGet("/error", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
            app.MapGet("/slow", async (CancellationToken aborted) =>
            {
                await Task.Delay(Timeout.Infinite, aborted);
                return Results.Text(Page);
            });
            app.MapGet("/v1/instances/", () => _registryDown
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text($$$"""{"hotel":{"index":3,"instances":[{"service":"hotel","instanceId":"hotel-1","address":"{{{_base!.AbsoluteUri.TrimEnd('/')}}}","version":"1.0.0","weight":1,"pid":42}]},"user":{"index":1,"instances":[]}}""", "application/json"));
        });
        _base = new Uri(_targets.Urls.First() + "/");
    }

    public async Task DisposeAsync() => await _targets.DisposeAsync();

    private ServiceProvider Services(Action<ScrapeOptions> configure, TimeProvider? time = null, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddPrometheusScrape();
        services.Configure(configure);
        services.AddSingleton<ITelemetryIngest>(_ingest);
        return services.BuildServiceProvider();
    }

    private static StaticScrapeTarget Target(Uri url, string job) => new() { Url = url, Job = job };

    private MetricSample Single(string name, string job) => _ingest.Samples.Single(s => s.Series.Name == name && s.Series["job"] == job);

    [Fact]
    public async Task RunOnceAsync_HealthyTarget_SamplesWithTargetLabelsAndUp1()
    {
        var time = new ManualTimeProvider();
        await using var services = Services(o => o.Targets.Add(Target(new Uri(_base, "metrics"), "shop")), time);

        await services.GetRequiredService<ScrapeWorker>().RunOnceAsync(CancellationToken.None);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var instance = $"127.0.0.1:{_base.Port.ToString(CultureInfo.InvariantCulture)}";
        var targetLabels = new[] { new Label("instance", instance), new Label("job", "shop"), new Label("service", "shop") };
        _ingest.Batches.Should().ContainSingle("one round is one batch");
        _ingest.Samples.Should().Contain([
            new MetricSample(new SeriesKey("orders_total", [.. targetLabels, new("kind", "hotel"), new("exported_job", "inner")]), now, 12),
            new MetricSample(new SeriesKey("orders_total", [.. targetLabels, new("kind", "flight")]), now, 3),
            new MetricSample(new SeriesKey("queue_depth", targetLabels), 1_600_000_000_000, 4),
            new MetricSample(new SeriesKey("up", targetLabels), now, 1),
            new MetricSample(new SeriesKey("scrape_samples_scraped", targetLabels), now, 3),
        ]);
        Single("scrape_duration_seconds", "shop").Value.Should().BeInRange(0, 30);
        _ingest.Metadata.Should().Contain([
            new MetricMetadata("orders_total", MetricType.Counter, null, "Orders placed."),
            new MetricMetadata("queue_depth", MetricType.Gauge, null, null),
        ]).And.Contain(m => m.Name == "up" && m.Type == MetricType.Gauge);
    }

    [Theory]
    [InlineData("error", "HTTP 500")]
    [InlineData("broken", "line 1")]
    [InlineData("closed-port", "refused")]
    public async Task RunOnceAsync_FailingTarget_Up0AndNoPageSamples(string target, string reason)
    {
        var url = target == "closed-port" ? new Uri($"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}/metrics") : new Uri(_base, target);
        await using var services = Services(o =>
        {
            o.Targets.Add(Target(url, "failing"));
            o.Targets.Add(Target(new Uri(_base, "metrics"), "healthy"));
        });

        var result = await services.GetRequiredService<TargetScraper>().ScrapeAsync(new ScrapeTarget(url, "failing", "x", "failing"), CancellationToken.None);
        await services.GetRequiredService<ScrapeWorker>().RunOnceAsync(CancellationToken.None);

        result.Up.Should().BeFalse();
        result.Error.Should().ContainEquivalentOf(reason);
        Single("up", "failing").Value.Should().Be(0);
        Single("scrape_samples_scraped", "failing").Value.Should().Be(0);
        _ingest.Samples.Where(s => s.Series["job"] == "failing").Select(s => s.Series.Name)
            .Should().BeEquivalentTo(["up", "scrape_duration_seconds", "scrape_samples_scraped"]);
        Single("up", "healthy").Value.Should().Be(1, "one failing target does not fail the round");
    }

    [Fact]
    public async Task RunOnceAsync_SlowTarget_TimesOutAsUp0()
    {
        await using var services = Services(o =>
        {
            o.Targets.Add(Target(new Uri(_base, "slow"), "slow"));
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.Interval = TimeSpan.FromSeconds(1);
        });

        await services.GetRequiredService<ScrapeWorker>().RunOnceAsync(CancellationToken.None);

        Single("up", "slow").Value.Should().Be(0);
        // It waited for the timeout rather than failing at once; timers may fire a millisecond or so early.
        Single("scrape_duration_seconds", "slow").Value.Should().BeInRange(0.25, 10);
    }

    [Fact]
    public async Task RunOnceAsync_RegistryReplicas_ScrapedWithJobInstanceAndService()
    {
        await using var services = Services(o => o.Registry = _base);

        await services.GetRequiredService<ScrapeWorker>().RunOnceAsync(CancellationToken.None);

        var up = Single("up", "travel/hotel");
        up.Value.Should().Be(1);
        up.Series.Labels.Should().Equal(new Label("instance", "hotel-1"), new Label("job", "travel/hotel"), new Label("service", "hotel"));
        Single("queue_depth", "travel/hotel").Series["service"].Should().Be("hotel");
    }

    [Fact]
    public async Task DiscoverAsync_RegistryDown_KeepsTheReplicasFoundBefore()
    {
        await using var services = Services(o =>
        {
            o.Registry = _base;
            o.RegistryJobPrefix = "shop";
            o.Targets.Add(Target(new Uri(_base, "broken"), "static"));
        });
        var discovery = services.GetRequiredService<ScrapeTargetDiscovery>();

        var before = await discovery.DiscoverAsync(CancellationToken.None);
        _registryDown = true;
        var during = await discovery.DiscoverAsync(CancellationToken.None);

        var instance = $"127.0.0.1:{_base.Port.ToString(CultureInfo.InvariantCulture)}";
        before.Select(t => (t.Job, t.Instance)).Should().Equal(("static", instance), ("shop/hotel", "hotel-1"));
        during.Should().Equal(before);
    }

    [Fact]
    public async Task DiscoverAsync_StaticTargetAlsoInRegistry_ScrapedOnceAsConfigured()
    {
        await using var services = Services(o =>
        {
            o.Registry = _base;
            o.Targets.Add(Target(new Uri(_base, "metrics"), "static"));
        });

        var targets = await services.GetRequiredService<ScrapeTargetDiscovery>().DiscoverAsync(CancellationToken.None);

        targets.Should().ContainSingle().Which.Job.Should().Be("static");
    }

    [Fact]
    public async Task StartAsync_Worker_ScrapesAtOnceAndEveryInterval()
    {
        await using var services = Services(o =>
        {
            o.Targets.Add(Target(new Uri(_base, "metrics"), "looped"));
            o.Interval = TimeSpan.FromSeconds(1);
            o.Timeout = TimeSpan.FromSeconds(1);
        });
        var worker = services.GetRequiredService<ScrapeWorker>();

        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(() => _ingest.Batches.Count >= 2, TimeSpan.FromSeconds(20), "two scrape rounds");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        _ingest.Samples.Where(s => s.Series.Name == "up").Should().OnlyContain(s => s.Value == 1);
    }

    [Fact]
    public void AddPrometheusScrape_Twice_OneWorkerRegisteredAsHostedService()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddSingleton<ITelemetryIngest>(_ingest)
            .AddPrometheusScrape()
            .AddPrometheusScrape()
            .BuildServiceProvider();

        services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Should().ContainSingle()
            .Which.Should().BeSameAs(services.GetRequiredService<ScrapeWorker>());
    }

    [Theory]
    [InlineData("Timeout", "00:00:20", "Timeout")]
    [InlineData("Interval", "00:00:00", "Interval")]
    [InlineData("Targets:0:Url", "ftp://host/metrics", "Targets[0]")]
    [InlineData("Targets:0:Url", "/metrics", "Targets[0]")]
    [InlineData("Targets:0:Job", "", "Job")]
    [InlineData("Registry", "ftp://registry/", "Registry")]
    [InlineData("RegistryJobPrefix", "a b", "RegistryJobPrefix")]
    public void Options_Invalid_FailValidationNamingTheSetting(string key, string value, string named)
    {
        var configuration = new Dictionary<string, string?>
        {
            [$"{ScrapeOptions.SectionName}:Targets:0:Url"] = "http://127.0.0.1:9100/metrics",
            [$"{ScrapeOptions.SectionName}:Targets:0:Job"] = "node",
            [$"{ScrapeOptions.SectionName}:{key}"] = value,
        };
        using var services = Services(_ => { }, configuration: configuration);

        var read = () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScrapeOptions>>().Value;

        read.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage($"*{named}*");
    }

    [Fact]
    public void Options_FromConfiguration_Bound()
    {
        var configuration = new Dictionary<string, string?>
        {
            [$"{ScrapeOptions.SectionName}:Targets:0:Url"] = "http://127.0.0.1:9100/metrics",
            [$"{ScrapeOptions.SectionName}:Targets:0:Job"] = "node",
            [$"{ScrapeOptions.SectionName}:Interval"] = "00:00:30",
            [$"{ScrapeOptions.SectionName}:Registry"] = "http://127.0.0.1:5010/",
        };
        using var services = Services(_ => { }, configuration: configuration);

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScrapeOptions>>().Value;

        options.Targets.Should().ContainSingle().Which.Job.Should().Be("node");
        options.Interval.Should().Be(TimeSpan.FromSeconds(30));
        options.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        options.Registry.Should().Be(new Uri("http://127.0.0.1:5010/"));
    }
}
