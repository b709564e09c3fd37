using AIOps.Testing;

namespace AIOps.Travel.Tests.Platform;

/// <summary>Replicas joining and leaving the registry change where the gateway sends traffic.</summary>
[Collection(TravelProcessesGroup.Name)]
public sealed class RegistryMembershipTests : IAsyncLifetime
{
    private TravelPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await TravelPlatform.StartAsync();
        await _platform.StartServiceAsync("gateway", "gateway-1");
        await _platform.StartServiceAsync("hotel", "hotel-1");
    }

    public Task DisposeAsync() => _platform.DisposeAsync().AsTask();

    [Fact]
    public async Task NewReplica_Registers_AndStartsReceivingTraffic()
    {
        (await ServedByAsync(10)).Should().OnlyContain(s => s == "hotel-1");

        await _platform.StartServiceAsync("hotel", "hotel-2");

        await Poll.UntilAsync(async () => (await ServedByAsync(4)).Contains("hotel-2"), TimeSpan.FromSeconds(10), "the new replica to get traffic");
    }

    [Fact]
    public async Task ReplicaStoppedGracefully_LeavesTheRegistry_AndReceivesNoMoreTraffic()
    {
        var leaving = await _platform.StartServiceAsync("hotel", "hotel-3");
        await Poll.UntilAsync(async () => (await ServedByAsync(4)).Contains("hotel-3"), TimeSpan.FromSeconds(10), "hotel-3 to get traffic");

        await leaving.TerminateAsync(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(async () => (await _platform.InstancesAsync("hotel")).All(i => i.InstanceId != "hotel-3"), TimeSpan.FromSeconds(5), "hotel-3 to deregister");

        var served = await ServedByAsync(60);
        served.Should().NotContain("hotel-3").And.HaveCount(60);
    }

    [Fact]
    public async Task ReplicaKilled_IsEvictedByTtl_AndCallersNeverSeeAnError()
    {
        var doomed = await _platform.StartServiceAsync("hotel", "hotel-4");
        await Poll.UntilAsync(async () => (await ServedByAsync(4)).Contains("hotel-4"), TimeSpan.FromSeconds(10), "hotel-4 to get traffic");

        doomed.Kill();

        // Before the TTL evicts it, refused connections move calls to the live replica.
        (await ServedByAsync(30)).Should().NotContain("hotel-4").And.HaveCount(30);
        await Poll.UntilAsync(async () => (await _platform.InstancesAsync("hotel")).All(i => i.InstanceId != "hotel-4"), TimeSpan.FromSeconds(10), "the registry to evict hotel-4");
    }

    /// <summary>Sends requests through the gateway; every one must succeed.</summary>
    private async Task<List<string>> ServedByAsync(int count)
    {
        var served = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await _platform.Http.GetAsync(new Uri(_platform.Gateway, "api/hotels?city=Berlin"));
            response.EnsureSuccessStatusCode();
            served.Add(response.Headers.GetValues("X-Upstream-Instance").Single());
        }

        return served;
    }
}
