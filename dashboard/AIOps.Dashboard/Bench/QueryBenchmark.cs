using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// `aiops bench query`: an hour of travel-platform traces and logs at the demo's rate is ingested into
/// a fresh `aiops serve`, then each query the dashboard and the analyzer use is timed from outside.
/// </summary>
public sealed class QueryBenchmark(string aiopsDll, TimeSpan history, double requestsPerSecond, int repetitions, TextWriter log)
{
    public async Task<IReadOnlyList<QueryTiming>> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var ui = FreePort();
        var otlp = FreePort();
        var directory = Directory.CreateTempSubdirectory("aiops-bench-query-").FullName;
        await using var aiops = BenchTarget.Start("dotnet", [aiopsDll, "serve", "--urls", Url(ui), "--data-dir", directory, "--otlp-http-port", otlp.ToString(CultureInfo.InvariantCulture), "--otlp-grpc-port", "0"], directory);
        await aiops.WaitReadyAsync(http, new Uri(Url(ui) + "/healthz"), TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        var now = DateTimeOffset.UtcNow;
        var generator = new TraceHistory(now - history, now, requestsPerSecond);
        var started = Stopwatch.GetTimestamp();
        long bodies = 0;
        await Parallel.ForEachAsync(generator.Batches(512), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            using var content = new ByteArrayContent(batch.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await http.PostAsync(new Uri(Url(otlp) + "/v1/" + batch.Signal), content, token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref bodies);
        }).ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingested {history.TotalMinutes:0} min of traffic at {requestsPerSecond} req/s ({generator.BookingTraceIds.Count} bookings, {bodies} requests) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));

        var random = new Random(3);
        var queries = new (string Name, Func<string> Path)[]
        {
            ("services", () => "/api/v1/services?from=now-1h"),
            ("red series (order, 1 h)", () => "/api/v1/red?service=order&from=now-1h"),
            ("trace by id", () => "/api/v1/traces/" + generator.BookingTraceIds[random.Next(generator.BookingTraceIds.Count)]),
            ("trace search (order, 1 h)", () => "/api/v1/traces?service=order&from=now-1h&limit=20"),
            ("trace search (slow, errors)", () => "/api/v1/traces?service=payment&minDuration=30ms&from=now-1h&limit=20"),
            ("dependency graph (1 h)", () => "/api/v1/graph?from=now-1h"),
            ("log search (text, 1 h)", () => "/api/v1/logs?service=order&text=confirmed&from=now-1h&limit=50"),
        };
        var timings = new List<QueryTiming>();
        foreach (var (name, path) in queries)
        {
            var samples = new List<double>();
            for (var i = 0; i < repetitions + 3; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(Url(ui) + path()), cancellationToken).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                if (i >= 3)
                {
                    samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }

            samples.Sort();
            timings.Add(new QueryTiming(name, Math.Round(samples[samples.Count / 2], 2), Math.Round(samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.99) - 1)], 2), Math.Round(samples[^1], 2)));
        }

        return timings;
    }

    private static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
