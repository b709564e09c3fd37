using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AIOps.Dashboard.Bench;

namespace AIOps.Dashboard.Cli;

/// <summary>aiops bench ingest: sustained ingest throughput of the collector, compared with Prometheus and VictoriaMetrics.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds per load phase", DefaultValueFactory = _ => 60 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 8 };
        var noCompare = new Option<bool>("--no-compare") { Description = "Skip Prometheus and VictoriaMetrics" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var ingest = new Command("ingest", "Sustained OTLP span and remote-write sample ingest, from a separate process on loopback") { duration, concurrency, noCompare, json };
        ingest.SetAction(async (result, cancellationToken) =>
        {
            var seconds = result.GetValue(duration);
            if (seconds is < 1 or > 3600 || result.GetValue(concurrency) is < 1 or > 256)
            {
                throw new ArgumentException("--duration must be 1-3600 seconds and --concurrency 1-256");
            }

            var options = new IngestBenchOptions
            {
                Duration = TimeSpan.FromSeconds(seconds),
                Concurrency = result.GetValue(concurrency),
                Compare = !result.GetValue(noCompare),
                AiopsDll = Path.Combine(AppContext.BaseDirectory, "aiops.dll"),
            };
            var asJson = result.GetValue(json);
            var report = await new IngestBenchmark(options, asJson ? Console.Error : Console.Out).RunAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine(asJson
                ? JsonSerializer.Serialize(report)
                : string.Create(CultureInfo.InvariantCulture,
                    $"spans/s {report.SpansPerSecond:N0} (p99 {report.P99Ms} ms) | samples/s {report.SamplesPerSecond:N0} (p99 {report.SamplesP99Ms} ms) | peak RSS {report.PeakRssMb} MB | Prometheus {report.PrometheusSamplesPerSecond:N0}/s | VictoriaMetrics {report.VictoriaMetricsSamplesPerSecond:N0}/s"));
            return 0;
        });
        var minutes = new Option<double>("--history-minutes") { Description = "Minutes of traffic to ingest before querying", DefaultValueFactory = _ => 60 };
        var rate = new Option<double>("--rate") { Description = "Requests per second of the generated traffic (the demo's default is 40)", DefaultValueFactory = _ => 40 };
        var repeat = new Option<int>("--repetitions") { Description = "Timed runs per query", DefaultValueFactory = _ => 50 };
        var queryJson = new Option<bool>("--json") { Description = "Print one JSON array" };
        var query = new Command("query", "Query latency over an hour of demo-rate traces and logs") { minutes, rate, repeat, queryJson };
        query.SetAction(async (result, cancellationToken) =>
        {
            var asJson = result.GetValue(queryJson);
            var timings = await Benchmark(result, minutes, rate, repeat, queryJson).RunAsync(cancellationToken).ConfigureAwait(false);
            Print(timings, asJson, "query");
            return 0;
        });
        var target = new Option<string?>("--target") { Description = "Time the pages of this running host (e.g. a demo that has run an hour) instead of generated history" };
        var user = new Option<string>("--user") { Description = "Sign in as this user (with --target; its password on standard input)", DefaultValueFactory = _ => "bench" };
        var pages = new Command("pages", "Server time of every dashboard page, signed in, over an hour of demo-rate traffic") { minutes, rate, repeat, queryJson, target, user };
        pages.SetAction(async (result, cancellationToken) =>
        {
            var url = result.GetValue(target) is { } t ? new Uri(t) : null;
            var password = url is null ? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) : await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "";
            var timings = await Benchmark(result, minutes, rate, repeat, queryJson).RunPagesAsync(url, result.GetRequiredValue(user), password, cancellationToken).ConfigureAwait(false);
            Print(timings, result.GetValue(queryJson), "page");
            return 0;
        });
        return new Command("bench", "Benchmarks") { ingest, query, pages };
    }

    private static QueryBenchmark Benchmark(ParseResult result, Option<double> minutes, Option<double> rate, Option<int> repeat, Option<bool> json) =>
        new(Path.Combine(AppContext.BaseDirectory, "aiops.dll"), TimeSpan.FromMinutes(result.GetValue(minutes)), result.GetValue(rate), result.GetValue(repeat), result.GetValue(json) ? Console.Error : Console.Out);

    private static void Print(IReadOnlyList<QueryTiming> timings, bool asJson, string what)
    {
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(timings));
            return;
        }

        Console.WriteLine($"{what,-32} p50 ms   p99 ms   max ms");
        foreach (var t in timings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Query,-32} {t.P50Ms,7:F1} {t.P99Ms,8:F1} {t.MaxMs,8:F1}"));
        }
    }
}
