using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AIOps.Testing;

namespace AIOps.Dashboard.Tests.Hosting;

/// <summary>The host is killed with SIGKILL during sustained ingest; after a restart every acknowledged item is there.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-crash-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sigkill_DuringSustainedIngest_EveryAcknowledgedSpanSampleAndLogSurvives()
    {
        var (first, ui, otlp) = AiopsProcess.Serve(_directory);
        using (first)
        {
            await WaitHealthyAsync(first, ui);
            var acknowledged = new Acknowledged();
            using var stop = new CancellationTokenSource();
            var senders = new[]
            {
                SendLoopAsync(otlp, "traces", i => Traces(i), acknowledged.Traces, stop.Token),
                SendLoopAsync(otlp, "metrics", i => Metrics(i), acknowledged.Metrics, stop.Token),
                SendLoopAsync(otlp, "logs", i => Logs(i), acknowledged.Logs, stop.Token),
            };
            await Poll.UntilAsync(() => acknowledged.Traces.Count >= 100 && acknowledged.Metrics.Count >= 100 && acknowledged.Logs.Count >= 100, TimeSpan.FromSeconds(60), "100 acknowledged requests per signal");

            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);

            var (second, ui2, _) = AiopsProcess.Serve(_directory);
            using (second)
            {
                await WaitHealthyAsync(second, ui2);
                var api = new Uri($"http://127.0.0.1:{ui2.ToString(CultureInfo.InvariantCulture)}/api/v1/");
                foreach (var i in acknowledged.Traces)
                {
                    var spans = await _http.GetFromJsonAsync<JsonElement>(new Uri(api, $"traces/{TraceIdOf(i)}"));
                    spans.GetArrayLength().Should().Be(SpansPerRequest, $"trace {i} was acknowledged");
                }

                var series = await _http.GetFromJsonAsync<JsonElement>(new Uri(api, "metrics/query?name=crash_probe&from=now-10m"));
                var stored = series.GetProperty("series").EnumerateArray().Select(s => int.Parse(s.GetProperty("labels").GetProperty("request").GetString()!, CultureInfo.InvariantCulture)).ToHashSet();
                stored.Should().Contain(acknowledged.Metrics);

                var logs = await _http.GetFromJsonAsync<JsonElement>(new Uri(api, "logs?service=crash-probe&limit=1000&from=now-10m"));
                var bodies = logs.EnumerateArray().Select(l => l.GetProperty("body").GetString()).ToHashSet();
                bodies.Should().Contain(acknowledged.Logs.Select(i => $"crash log {i}"));
            }
        }
    }

    private const int SpansPerRequest = 20;

    private async Task SendLoopAsync(int port, string signal, Func<int, string> body, List<int> acknowledged, CancellationToken stop)
    {
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v1/{signal}");
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await _http.PostAsync(url, new StringContent(body(i), Encoding.UTF8, "application/json"), stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(i);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The host died mid-request: that request was not acknowledged.
            }
        }
    }

    private async Task WaitHealthyAsync(AiopsProcess process, int port) =>
        await Poll.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("aiops exited: " + process.Output);
                }

                try
                {
                    using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/healthz"));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "aiops to answer");

    private static string TraceIdOf(int i) => (i + 1).ToString("x32", CultureInfo.InvariantCulture);

    private static string Resource => """{"attributes":[{"key":"service.name","value":{"stringValue":"crash-probe"}}]}""";

    private static string Now(int offsetMs = 0) => ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + offsetMs) * 1_000_000).ToString(CultureInfo.InvariantCulture);

    private static string Traces(int i)
    {
        var spans = string.Join(',', Enumerable.Range(1, SpansPerRequest).Select(s =>
            $$"""{"traceId":"{{TraceIdOf(i)}}","spanId":"{{s.ToString("x16", CultureInfo.InvariantCulture)}}","name":"op","kind":2,"startTimeUnixNano":"{{Now()}}","endTimeUnixNano":"{{Now(3)}}"}"""));
        return $$"""{"resourceSpans":[{"resource":{{Resource}},"scopeSpans":[{"spans":[{{spans}}]}]}]}""";
    }

    private static string Metrics(int i) =>
        $$$"""{"resourceMetrics":[{"resource":{{{Resource}}},"scopeMetrics":[{"metrics":[{"name":"crash.probe","gauge":{"dataPoints":[{"asDouble":{{{i}}},"timeUnixNano":"{{{Now()}}}","attributes":[{"key":"request","value":{"stringValue":"{{{i}}}"}}]}]}}]}]}]}""";

    private static string Logs(int i) =>
        $$$"""{"resourceLogs":[{"resource":{{{Resource}}},"scopeLogs":[{"logRecords":[{"timeUnixNano":"{{{Now()}}}","severityNumber":9,"body":{"stringValue":"crash log {{{i}}}"}}]}]}]}""";

    private sealed class Acknowledged
    {
        public List<int> Traces { get; } = [];

        public List<int> Metrics { get; } = [];

        public List<int> Logs { get; } = [];
    }
}
