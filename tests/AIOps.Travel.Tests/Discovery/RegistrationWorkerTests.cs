using AIOps.Testing;
using AIOps.Travel.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Travel.Tests.Discovery;

/// <summary>
/// Heartbeats against a registry that stops answering for a while, as one does for a replica whose thread pool is
/// starved: the heartbeat times out, and the worker must keep beating so that the replica registers again.
/// </summary>
public sealed class RegistrationWorkerTests : IAsyncLifetime
{
    private WebApplication _registry = null!;
    private volatile bool _hang = true;
    private int _registrations;

    public async Task InitializeAsync() => _registry = await LoopbackApp.StartAsync(app => app.MapPut("/v1/instances/{service}/{id}", async (HttpContext context) =>
    {
        if (_hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        Interlocked.Increment(ref _registrations);
        return Results.Ok();
    }));

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    // promotion-1's worker beating against the stand-in registry through http (whose timeout the test chooses).
    private RegistrationWorker Worker(HttpClient http) => new(
        new InstanceIdentity("promotion", "promotion-1", "1.0.0", 100) { Address = "http://127.0.0.1:9" },
        new RegistryClient(http),
        _registry.Services.GetRequiredService<IServer>(),
        _registry.Services.GetRequiredService<IHostApplicationLifetime>(),
        TimeProvider.System,
        NullLogger<RegistrationWorker>.Instance);

    [Fact]
    public async Task HeartbeatTimesOut_TheWorkerSurvivesIt_AndTheNextHeartbeatRegisters()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_registry.Urls.Single() + "/"), Timeout = TimeSpan.FromSeconds(2) };
        var worker = Worker(http);

        var timedOut = async () => await worker.RunOnceAsync(CancellationToken.None);
        await timedOut.Should().NotThrowAsync("a heartbeat that times out is retried at the next tick, not the end of the worker");
        _registrations.Should().Be(0);

        _hang = false;
        await worker.RunOnceAsync(CancellationToken.None);
        _registrations.Should().Be(1, "the registry answers again and the replica is registered");
    }

    [Fact]
    public async Task Stopping_EndsAHeartbeatInFlight()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_registry.Urls.Single() + "/") };
        var worker = Worker(http);
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var beat = async () => await worker.RunOnceAsync(stopping.Token);

        await beat.Should().ThrowAsync<OperationCanceledException>("stopping is not a failed heartbeat");
    }
}
