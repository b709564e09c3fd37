using System.Diagnostics.Metrics;
using AIOps.Travel.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AIOps.Travel.Tests.Telemetry;

/// <summary>The /metrics exporter over the real OpenTelemetry SDK: what a scrape renders.</summary>
public sealed class PrometheusTextExporterTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private readonly Meter _meter = new("test.prometheus." + Guid.NewGuid().ToString("N")[..8]);
    private readonly PrometheusTextExporter _exporter = new();
    private readonly MeterProvider _provider;

    public PrometheusTextExporterTests()
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(_meter.Name)
            .AddView("shop.checkout.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.1, 1, 5] })
            .AddReader(new BaseExportingMetricReader(_exporter))
            .Build();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _meter.Dispose();
    }

    private static string[] Lines(string page) => page.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Scrape_Counter_TotalWithHelpTypeAndLabels()
    {
        var orders = _meter.CreateCounter<long>("shop.orders", "{order}", "Orders placed.");
        orders.Add(2, new KeyValuePair<string, object?>("payment.method", "card"));
        orders.Add(3, new KeyValuePair<string, object?>("payment.method", "card"));

        var lines = Lines(_exporter.Scrape(s_timeout));

        lines.Should().ContainInConsecutiveOrder(
            "# HELP shop_orders_total Orders placed.",
            "# TYPE shop_orders_total counter",
            "shop_orders_total{payment_method=\"card\"} 5");
    }

    [Fact]
    public void Scrape_Histogram_CumulativeBucketsSumAndCount()
    {
        var duration = _meter.CreateHistogram<double>("shop.checkout.duration", "s");
        duration.Record(0.05, new KeyValuePair<string, object?>("outcome", "ok"));
        duration.Record(0.5, new KeyValuePair<string, object?>("outcome", "ok"));
        duration.Record(9, new KeyValuePair<string, object?>("outcome", "ok"));

        var lines = Lines(_exporter.Scrape(s_timeout));

        lines.Should().ContainInConsecutiveOrder(
            "# TYPE shop_checkout_duration_seconds histogram",
            "shop_checkout_duration_seconds_bucket{outcome=\"ok\",le=\"0.1\"} 1",
            "shop_checkout_duration_seconds_bucket{outcome=\"ok\",le=\"1\"} 2",
            "shop_checkout_duration_seconds_bucket{outcome=\"ok\",le=\"5\"} 2",
            "shop_checkout_duration_seconds_bucket{outcome=\"ok\",le=\"+Inf\"} 3",
            "shop_checkout_duration_seconds_sum{outcome=\"ok\"} 9.55",
            "shop_checkout_duration_seconds_count{outcome=\"ok\"} 3");
    }

    [Fact]
    public void Scrape_GaugesAndUpDownCounters_GaugesWithUnitSuffix()
    {
        _meter.CreateObservableGauge("shop.cache.size", () => 1536.5, "By", "Cache size.");
        var depth = _meter.CreateUpDownCounter<int>("shop.queue.depth", "{message}");
        depth.Add(5);
        depth.Add(-2);

        var lines = Lines(_exporter.Scrape(s_timeout));

        lines.Should().ContainInConsecutiveOrder("# TYPE shop_cache_size_bytes gauge", "shop_cache_size_bytes 1536.5");
        lines.Should().ContainInConsecutiveOrder("# TYPE shop_queue_depth gauge", "shop_queue_depth 3");
    }

    [Fact]
    public void Scrape_EscapesLabelValuesAndHelp()
    {
        var counter = _meter.CreateCounter<double>("shop.errors", null, "First line\nsecond \\ line");
        counter.Add(0.25, new KeyValuePair<string, object?>("message", "say \"no\"\\\nagain"), new KeyValuePair<string, object?>("retry", true));

        var lines = Lines(_exporter.Scrape(s_timeout));

        lines.Should().Contain("# HELP shop_errors_total First line\\nsecond \\\\ line");
        lines.Should().Contain("shop_errors_total{message=\"say \\\"no\\\"\\\\\\nagain\",retry=\"true\"} 0.25");
    }

    [Fact]
    public void Scrape_Twice_CountersStayCumulative()
    {
        var orders = _meter.CreateCounter<long>("shop.visits");
        orders.Add(4);
        _exporter.Scrape(s_timeout);
        orders.Add(6);

        Lines(_exporter.Scrape(s_timeout)).Should().Contain("shop_visits_total 10");
    }

    [Fact]
    public void Scrape_Concurrently_EveryPageComplete()
    {
        _meter.CreateCounter<long>("shop.parallel").Add(1);

        var pages = Enumerable.Range(0, 8).AsParallel().Select(_ => _exporter.Scrape(s_timeout)).ToList();

        pages.Should().OnlyContain(p => p.Contains("shop_parallel_total 1\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrape_NotAttachedToAReader_Throws()
    {
        using var detached = new PrometheusTextExporter();

        var scrape = () => detached.Scrape(s_timeout);

        scrape.Should().Throw<InvalidOperationException>().WithMessage("*not attached*");
    }
}
