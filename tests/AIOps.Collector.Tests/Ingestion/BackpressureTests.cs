using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AIOps.Collector.Storage.Sqlite;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Ingestion;

/// <summary>A stalled disk fills the write queue: receivers answer 503 with Retry-After at once, and nothing acknowledged is lost.</summary>
public sealed class BackpressureTests : IAsyncLifetime
{
    private CollectorHost _host = null!;

    public async Task InitializeAsync() => _host = await CollectorHost.StartAsync(o => o.SpanQueueCapacity = 1_000);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QueueFull_AnswersBusyWithRetryAfter_ThenWritesEverythingItAcknowledged()
    {
        using (var warmup = await PostAsync(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), 1))
        {
            warmup.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var partition = Directory.GetFiles(Path.Combine(_host.DataDirectory, "traces"), "*.db").Single();
        var ids = Enumerable.Range(0, 4).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();
        List<Task<HttpResponseMessage>> posts;
        using (var stall = SqliteDb.Open(partition))
        {
            // Another writer holds the database: the collector's writer waits, its queue fills.
            stall.Execute("BEGIN EXCLUSIVE");
            posts = [PostAsync(ids[0], 600)];
            await Poll.UntilAsync(() => _host.App.Services.GetService(typeof(AIOps.Collector.Observability.CollectorMetrics)) is AIOps.Collector.Observability.CollectorMetrics m
                && m.QueueDepth(Model.Signal.Traces) >= 600, TimeSpan.FromSeconds(10), "the first batch to be queued");
            using var busy = await PostAsync(ids[1], 600);
            busy.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter.Should().NotBeNull();
            posts.Add(PostAsync(ids[2], 300));
            stall.Execute("ROLLBACK");
        }

        var answers = await Task.WhenAll(posts);
        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var (id, spans) in new[] { (ids[0], 600), (ids[2], 300) })
        {
            (await _host.Http.GetFromJsonAsync<JsonElement>($"api/v1/traces/{id}")).GetArrayLength().Should().Be(spans);
        }

        (await _host.Http.GetAsync($"api/v1/traces/{ids[1]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private Task<HttpResponseMessage> PostAsync(string traceId, int spans)
    {
        var content = new ByteArrayContent(OtlpHttpBadInputTests.ValidTrace(traceId, spans));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-protobuf");
        return _host.Http.PostAsync("v1/traces", content);
    }
}
