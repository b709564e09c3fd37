using System.Globalization;
using System.Net.Http.Headers;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// `aiops bench ingest`: starts `aiops serve` as a separate process and loads it from this one with
/// OTLP/HTTP protobuf span batches, then with Prometheus remote-write; then the same remote-write load
/// against Prometheus and VictoriaMetrics (when installed) for comparison. Everything on loopback.
/// </summary>
public sealed class IngestBenchmark(IngestBenchOptions options, TextWriter log)
{
    public const string PrometheusBinary = "/usr/bin/prometheus";
    public const string VictoriaMetricsBinary = "/usr/bin/victoria-metrics";

    public async Task<IngestBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var spans = new SpanPayloads(options.SpansPerRequest);

        LoadResult spanLoad, sampleLoad;
        double rss;
        var uiPort = FreePort();
        var otlpPort = FreePort();
        var aiopsData = Directory.CreateTempSubdirectory("aiops-bench-").FullName;
        await using (var aiops = BenchTarget.Start("dotnet", [options.AiopsDll, "serve", "--urls", Url(uiPort), "--data-dir", aiopsData, "--otlp-http-port", Port(otlpPort), "--otlp-grpc-port", "0"], aiopsData))
        {
            await aiops.WaitReadyAsync(http, new Uri(Url(uiPort) + "/healthz"), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            log.WriteLine($"aiops: {options.SpansPerRequest}-span OTLP/HTTP protobuf batches, {options.Concurrency} in flight, {options.Duration.TotalSeconds:0} s");
            spanLoad = await LoadRunner.RunAsync(http, new Uri(Url(otlpPort) + "/v1/traces"), _ => spans.Next(), options.SpansPerRequest,
                c => c.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf"), options.Duration, options.Concurrency, cancellationToken).ConfigureAwait(false);
            log.WriteLine(Describe("spans", spanLoad));
            sampleLoad = await RemoteWriteAsync(http, new Uri(Url(uiPort) + "/api/v1/write"), "aiops", cancellationToken).ConfigureAwait(false);

            // Remote-write answers 204 even when some samples are refused (as out of order): count only what was stored.
            var rejected = await RejectedSamplesAsync(http, new Uri(Url(uiPort) + "/metrics")).ConfigureAwait(false);
            if (rejected > 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  aiops refused {rejected} samples; not counted"));
                sampleLoad = sampleLoad with { ItemsPerSecond = Math.Round(sampleLoad.ItemsPerSecond - (rejected / options.Duration.TotalSeconds), 1) };
            }

            rss = aiops.PeakRssMb();
        }

        double? prometheus = null, victoria = null;
        if (options.Compare)
        {
            prometheus = await CompareAsync(http, PrometheusBinary, "prometheus", port => new Uri(Url(port) + "/api/v1/write"), (port, dir) =>
            {
                var config = Path.Combine(dir, "prometheus.yml");
                File.WriteAllText(config, "global:\n  scrape_interval: 1h\n");
                return ["--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(dir, "data"), "--web.listen-address=127.0.0.1:" + Port(port), "--web.enable-remote-write-receiver"];
            }, port => new Uri(Url(port) + "/-/ready"), cancellationToken).ConfigureAwait(false);
            victoria = await CompareAsync(http, VictoriaMetricsBinary, "victoriametrics", port => new Uri(Url(port) + "/api/v1/write"),
                (port, dir) => ["-storageDataPath=" + Path.Combine(dir, "data"), "-httpListenAddr=127.0.0.1:" + Port(port)],
                port => new Uri(Url(port) + "/health"), cancellationToken).ConfigureAwait(false);
        }

        return new IngestBenchResult(
            spanLoad.ItemsPerSecond, sampleLoad.ItemsPerSecond, spanLoad.P99Ms, sampleLoad.P99Ms, rss, prometheus, victoria,
            prometheus is > 0 ? Math.Round(sampleLoad.ItemsPerSecond / prometheus.Value, 2) : null,
            victoria is > 0 ? Math.Round(sampleLoad.ItemsPerSecond / victoria.Value, 2) : null,
            options.Duration.TotalSeconds, options.Concurrency, options.SpansPerRequest, options.SamplesPerRequest,
            spanLoad.Busy + sampleLoad.Busy, spanLoad.Failed + sampleLoad.Failed);
    }

    private async Task<double?> CompareAsync(HttpClient http, string binary, string name, Func<int, Uri> write, Func<int, string, string[]> arguments, Func<int, Uri> ready, CancellationToken cancellationToken)
    {
        if (!File.Exists(binary))
        {
            log.WriteLine($"{name}: {binary} not installed (apt-get install {(name == "prometheus" ? "prometheus" : "victoria-metrics")}); skipped");
            return null;
        }

        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("aiops-bench-" + name + "-").FullName;
        await using var target = BenchTarget.Start(binary, arguments(port, directory), directory);
        await target.WaitReadyAsync(http, ready(port), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var result = await RemoteWriteAsync(http, write(port), name, cancellationToken).ConfigureAwait(false);
        return result.ItemsPerSecond;
    }

    private async Task<LoadResult> RemoteWriteAsync(HttpClient http, Uri url, string name, CancellationToken cancellationToken)
    {
        var payloads = new RemoteWritePayloads(options.Series, options.SamplesPerRequest, options.Concurrency);
        log.WriteLine($"{name}: remote-write, {options.SamplesPerRequest} samples a request over {options.Series} series, {options.Concurrency} in flight, {options.Duration.TotalSeconds:0} s");
        var result = await LoadRunner.RunAsync(http, url, payloads.Next, options.SamplesPerRequest, c =>
        {
            c.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            c.Headers.ContentEncoding.Add("snappy");
            c.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        }, options.Duration, options.Concurrency, cancellationToken).ConfigureAwait(false);
        log.WriteLine(Describe(name + " samples", result));
        return result;
    }

    private static async Task<double> RejectedSamplesAsync(HttpClient http, Uri metrics)
    {
        var text = await http.GetStringAsync(metrics).ConfigureAwait(false);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("aiops_ingest_rejected_total{signal=\"metrics\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    private static string Describe(string what, LoadResult result) => string.Create(CultureInfo.InvariantCulture,
        $"  {what}: {result.ItemsPerSecond:N0}/s, p99 {result.P99Ms} ms, {result.Requests} requests, {result.Busy} busy, {result.Failed} failed{(result.FirstFailure is null ? string.Empty : " (first: " + result.FirstFailure.ReplaceLineEndings(" ") + ")")}");

    private static string Url(int port) => "http://127.0.0.1:" + Port(port);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
