using System.Net.Http.Json;
using AIOps.Testing;

namespace AIOps.Travel.Tests.Platform;

/// <summary>The gateway's strategies over three real hotel replicas (weights 3, 1, 1), seen from outside.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class BalancingTests : IAsyncLifetime
{
    private static readonly string[] s_hotels = ["hotel-1", "hotel-2", "hotel-3"];
    private TravelPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await TravelPlatform.StartAsync();
        await _platform.StartServiceAsync("gateway", "gateway-1");
        await _platform.StartServiceAsync("hotel", "hotel-1", "--weight", "3");
        await _platform.StartServiceAsync("hotel", "hotel-2");
        await _platform.StartServiceAsync("hotel", "hotel-3");
        await SendAsync(1, null);
        await Poll.UntilAsync(async () => (await UpstreamsAsync()).Count == 3, TimeSpan.FromSeconds(20), "the gateway to see three hotel replicas");
    }

    public Task DisposeAsync() => _platform.DisposeAsync().AsTask();

    [Fact]
    public async Task RoundRobin_SequentialRequests_EachReplicaInTurn()
    {
        await UseAsync("round-robin");

        var served = await SendAsync(90, null);

        s_hotels.Select(h => served.Count(s => s == h)).Should().OnlyContain(n => n == 30);
    }

    [Fact]
    public async Task WeightedRoundRobin_Weights3To1To1_ServedInThatRatio()
    {
        await UseAsync("weighted-round-robin");

        var served = await SendAsync(100, null);

        served.Count(s => s == "hotel-1").Should().Be(60);
        served.Count(s => s == "hotel-2").Should().Be(20);
        served.Count(s => s == "hotel-3").Should().Be(20);
    }

    [Fact]
    public async Task IpHash_EachClientStaysOnOneReplica_ClientsSpreadOverReplicas()
    {
        await UseAsync("ip-hash");
        var byClient = new Dictionary<string, HashSet<string>>();

        for (var client = 0; client < 30; client++)
        {
            var address = $"198.18.7.{client}";
            byClient[address] = [.. await SendAsync(5, address)];
        }

        byClient.Values.Should().OnlyContain(replicas => replicas.Count == 1);
        byClient.Values.Select(r => r.Single()).Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public async Task LeastConnections_OneSlowReplica_GetsFewerOfTheConcurrentRequests()
    {
        await UseAsync("least-connections");
        await _platform.InjectAsync("hotel-1", new { kind = "latency", intensity = 300, durationSeconds = 60 });
        try
        {
            // Six clients, each sending its next request as soon as the last one answers.
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(20, null)));
            var served = answers.SelectMany(a => a).ToList();

            served.Count(s => s == "hotel-1").Should().BeLessThan(served.Count / 5, "the slow replica keeps requests in flight longer");
        }
        finally
        {
            await _platform.ClearFaultsAsync("hotel-1");
        }
    }

    [Fact]
    public async Task LeastResponseTime_SlowReplicaAvoided_RecoveredReplicaServesAgain()
    {
        await UseAsync("least-response-time");

        // hotel-1 is slow for a while, then recovers; then hotel-2 turns slow.
        await _platform.InjectAsync("hotel-1", new { kind = "latency", intensity = 300, durationSeconds = 60 });
        await Poll.UntilAsync(async () => (await SendAsync(3, null)).Contains("hotel-1"), TimeSpan.FromSeconds(20), "hotel-1 to be measured slow");
        await _platform.ClearFaultsAsync("hotel-1");
        await _platform.InjectAsync("hotel-2", new { kind = "latency", intensity = 150, durationSeconds = 60 });
        try
        {
            await Poll.UntilAsync(async () => (await SendAsync(3, null)).Contains("hotel-2"), TimeSpan.FromSeconds(20), "hotel-2 to be measured slow");
            await Poll.UntilAsync(async () => (await SendAsync(3, null)).Contains("hotel-1"), TimeSpan.FromSeconds(20), "the recovered hotel-1 to be tried again");

            var served = await SendAsync(60, null);

            served.Count(s => s == "hotel-2").Should().BeLessThanOrEqualTo(3);
            served.Should().Contain("hotel-1").And.Contain("hotel-3");
        }
        finally
        {
            await _platform.ClearFaultsAsync("hotel-2");
        }
    }

    private async Task UseAsync(string strategy)
    {
        using var response = await _platform.Http.PutAsJsonAsync(new Uri(_platform.Gateway, "admin/balancer"), new { strategy });
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<string>> SendAsync(int count, string? client)
    {
        var served = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_platform.Gateway, "api/hotels?city=Rome"));
            if (client is not null)
            {
                request.Headers.Add("X-Forwarded-For", client);
            }

            using var response = await _platform.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            served.Add(response.Headers.GetValues("X-Upstream-Instance").Single());
        }

        return served;
    }

    private async Task<List<string>> UpstreamsAsync() =>
        [.. (await _platform.Http.GetFromJsonAsync<List<AIOps.Travel.Balancing.UpstreamStats>>(new Uri(_platform.Gateway, "admin/upstreams/hotel")))!.Select(u => u.InstanceId)];
}
