namespace AIOps.Travel.Discovery;

/// <summary>Evicts instances that stopped sending heartbeats (crashed or partitioned replicas).</summary>
internal sealed class RegistryEvictionWorker(InstanceTable table, TimeProvider time, ILogger<RegistryEvictionWorker> logger) : BackgroundService
{
    /// <summary>Three missed heartbeats of <see cref="RegistrationWorker.HeartbeatInterval"/>.</summary>
    public static readonly TimeSpan Ttl = RegistrationWorker.HeartbeatInterval * 3;

    public void RunOnce()
    {
        foreach (var instance in table.Evict(time.GetUtcNow(), Ttl))
        {
            RegistryLog.Evicted(logger, instance.Service, instance.InstanceId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            RunOnce();
        }
    }
}
