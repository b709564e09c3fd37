using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AIOps.Travel.Discovery;

/// <summary>
/// Registers this replica once Kestrel has bound its port, sends heartbeats, and deregisters on a
/// graceful stop so that the balancers stop sending traffic before the process exits.
/// </summary>
internal sealed class RegistrationWorker(
    InstanceIdentity identity,
    RegistryClient registry,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<RegistrationWorker> logger) : BackgroundService
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    private bool _registered;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var instance = new ServiceInstance(identity.Service, identity.InstanceId, identity.Address!, identity.Version, identity.Weight, Environment.ProcessId);
        try
        {
            await registry.RegisterAsync(instance, cancellationToken).ConfigureAwait(false);
            _registered = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failed heartbeat (refused, timed out in a starved thread pool, a bad answer) is retried at the next
            // tick; were it to end the worker, the replica would never register again once the registry evicted it.
            RegistryLog.RegistryUnreachable(logger, registry.BaseAddress.ToString(), ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_registered)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await registry.DeregisterAsync(identity.Service, identity.InstanceId, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                RegistryLog.RegistryUnreachable(logger, registry.BaseAddress.ToString(), ex.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        identity.Address ??= ResolveAddress();
        Hosting.HostingLog.Listening(logger, identity.Service, identity.InstanceId, identity.Address);
        using var timer = new PeriodicTimer(HeartbeatInterval, time);
        do
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string ResolveAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.First();
        return address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
