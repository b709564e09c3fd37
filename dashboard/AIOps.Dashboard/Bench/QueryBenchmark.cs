using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// `aiops bench query` and `aiops bench pages`: an hour of travel-platform traces and logs at the demo's rate is
/// ingested into a fresh `aiops serve`, then each query the dashboard and the analyzer use, or each of the dashboard's
/// pages (signed in), is timed from outside.
/// </summary>
public sealed class QueryBenchmark(string aiopsDll, TimeSpan history, double requestsPerSecond, int repetitions, TextWriter log)
{
    /// <summary>The API queries, timed over the generated history.</summary>
    public async Task<IReadOnlyList<QueryTiming>> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var (aiops, ui, generator) = await StartWithHistoryAsync(http, config: null, cancellationToken).ConfigureAwait(false);
        await using (aiops)
        {
            var random = new Random(3);
            return await TimeAsync(http, ui,
            [
                ("services", () => "/api/v1/services?from=now-1h"),
                ("red series (order, 1 h)", () => "/api/v1/red?service=order&from=now-1h"),
                ("trace by id", () => "/api/v1/traces/" + generator.BookingTraceIds[random.Next(generator.BookingTraceIds.Count)]),
                ("trace search (order, 1 h)", () => "/api/v1/traces?service=order&from=now-1h&limit=20"),
                ("trace search (slow, errors)", () => "/api/v1/traces?service=payment&minDuration=30ms&from=now-1h&limit=20"),
                ("dependency graph (1 h)", () => "/api/v1/graph?from=now-1h"),
                ("log search (text, 1 h)", () => "/api/v1/logs?service=order&text=confirmed&from=now-1h&limit=50"),
            ], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The dashboard's pages, signed in, over the generated history (<paramref name="target"/> null), or over a
    /// running host such as a demo that has run an hour (then signed in as <paramref name="user"/>).
    /// </summary>
    public async Task<IReadOnlyList<QueryTiming>> RunPagesAsync(Uri? target, string user, string password, CancellationToken cancellationToken)
    {
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        BenchTarget? aiops = null;
        var ui = target?.GetLeftPart(UriPartial.Authority);
        string? traceId = null;
        if (ui is null)
        {
            var config = Path.Combine(Directory.CreateTempSubdirectory("aiops-bench-pages-").FullName, "aiops.json");
            await File.WriteAllTextAsync(config, $$"""{ "Dashboard": { "Users": [ { "Name": "{{user}}", "Role": "admin", "PasswordHash": "{{Security.PasswordHash.Create(password)}}" } ] } }""", cancellationToken).ConfigureAwait(false);
            TraceHistory generator;
            (aiops, ui, generator) = await StartWithHistoryAsync(http, config, cancellationToken).ConfigureAwait(false);
            traceId = generator.BookingTraceIds[^1];
        }

        await using (aiops)
        {
            await SignInAsync(http, ui, user, password, cancellationToken).ConfigureAwait(false);
            traceId ??= await FirstTraceAsync(http, ui, cancellationToken).ConfigureAwait(false);
            var incident = await FirstIncidentAsync(http, ui, cancellationToken).ConfigureAwait(false);
            var pages = new List<(string, Func<string>)>
            {
                ("overview", () => "/?range=1h"),
                ("service map", () => "/map?range=1h"),
                ("service (order)", () => "/services/order?range=1h"),
                ("incidents", () => "/incidents?range=1h"),
                ("remediation", () => "/remediation?range=1h"),
                ("traces (search order)", () => "/traces?range=1h&service=order"),
                ("traces (errors only)", () => "/traces?range=1h&errors=true"),
                ("trace waterfall", () => "/traces/" + traceId),
                ("logs (search)", () => "/logs?range=1h"),
                ("logs of a trace", () => "/logs?traceId=" + traceId),
                ("alerts", () => "/alerts?range=1h"),
                ("system", () => "/system?range=1h"),
            };
            if (incident is not null)
            {
                pages.Insert(4, ("incident", () => "/incidents/" + incident));
            }

            return await TimeAsync(http, ui, pages, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(BenchTarget Aiops, string Ui, TraceHistory Generator)> StartWithHistoryAsync(HttpClient http, string? config, CancellationToken cancellationToken)
    {
        var ui = FreePort();
        var otlp = FreePort();
        var directory = Directory.CreateTempSubdirectory("aiops-bench-query-").FullName;
        string[] arguments = [aiopsDll, "serve", "--urls", Url(ui), "--data-dir", directory, "--otlp-http-port", otlp.ToString(CultureInfo.InvariantCulture), "--otlp-grpc-port", "0"];
        var aiops = BenchTarget.Start("dotnet", config is null ? arguments : [.. arguments, "--config", config], directory);
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
        return (aiops, Url(ui), generator);
    }

    private async Task<IReadOnlyList<QueryTiming>> TimeAsync(HttpClient http, string ui, IReadOnlyList<(string Name, Func<string> Path)> queries, CancellationToken cancellationToken)
    {
        var timings = new List<QueryTiming>();
        foreach (var (name, path) in queries)
        {
            var samples = new List<double>();
            for (var i = 0; i < repetitions + 3; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(ui + path()), cancellationToken).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{name}: {path()} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

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

    private static async Task SignInAsync(HttpClient http, string ui, string user, string password, CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync(new Uri(ui + "/login"), cancellationToken).ConfigureAwait(false);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["name"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
        });
        using var response = await http.PostAsync(new Uri(ui + "/account/login"), content, cancellationToken).ConfigureAwait(false);
        if (response.Headers.Location?.ToString() != "/")
        {
            throw new InvalidOperationException($"could not sign in as {user}: {response.Headers.Location}");
        }
    }

    private static async Task<string> FirstTraceAsync(HttpClient http, string ui, CancellationToken cancellationToken)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(ui + "/api/v1/traces?service=order&from=now-1h&limit=1"), cancellationToken).ConfigureAwait(false));
        return json.RootElement.EnumerateArray().First().GetProperty("traceId").GetString()!;
    }

    private static async Task<string?> FirstIncidentAsync(HttpClient http, string ui, CancellationToken cancellationToken)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(ui + "/api/v1/incidents?from=now-1h"), cancellationToken).ConfigureAwait(false));
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array && json.RootElement.GetArrayLength() > 0
            ? json.RootElement[0].GetProperty("id").GetString()
            : null;
    }

    private static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
