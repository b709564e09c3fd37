using System.Diagnostics;
using System.Net;

namespace AIOps.Travel.Tests.Platform;

/// <summary>A real instance started with a worker limit queues what exceeds it and refuses what exceeds the queue.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class CapacityBehaviourTests : IAsyncLifetime
{
    private TravelPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await TravelPlatform.StartAsync();
        await _platform.StartServiceAsync("hotel", "hotel-1", "--workers", "1", "--work-ms", "1500", "--queue-limit", "1");
    }

    public Task DisposeAsync() => _platform.DisposeAsync().AsTask();

    [Fact]
    public async Task Requests_BeyondWorkersAndQueue_WaitThenGet503WithTheReason()
    {
        var hotel = new Uri((await _platform.InstanceAsync("hotel-1")).Address);
        var url = new Uri(hotel, "/hotels?city=Paris");

        var started = Stopwatch.GetTimestamp();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _platform.Http.GetAsync(url)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(2, "one request works, one waits for the worker");
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("overloaded: all 1 workers busy and 1 requests waiting");
        elapsed.TotalMilliseconds.Should().BeGreaterThanOrEqualTo(3000, "the second request waited for the first one's work");
        (await _platform.Http.GetAsync(new Uri(hotel, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.OK, "health checks bypass the workers");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
