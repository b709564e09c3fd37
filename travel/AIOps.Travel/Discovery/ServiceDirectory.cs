using System.Collections.Concurrent;

namespace AIOps.Travel.Discovery;

/// <summary>
/// The client side of discovery: for every service this process calls, a blocking-query loop keeps
/// the live instance list current, so a replica that leaves the registry stops receiving traffic
/// within one round trip.
/// </summary>
internal sealed class ServiceDirectory(RegistryClient registry, ILogger<ServiceDirectory> logger) : IDisposable
{
    private static readonly TimeSpan s_firstLoadTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_watchWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public event Action<string, IReadOnlyList<ServiceInstance>>? Changed;

    public async ValueTask<IReadOnlyList<ServiceInstance>> GetInstancesAsync(string service, CancellationToken cancellationToken)
    {
        var watch = _watches.GetOrAdd(service, Start);
        if (!watch.FirstLoad.Task.IsCompleted)
        {
            try
            {
                await watch.FirstLoad.Task.WaitAsync(s_firstLoadTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The registry is slow or down: answer with what is known (possibly nothing).
            }
        }

        return watch.Current;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private Watch Start(string service)
    {
        var watch = new Watch();
        // The watch outlives the request that first asked for the service: it must not carry that request's trace
        // (every long poll would be a span of it) nor the peer being called. Without the flow, its calls are the
        // process's own background calls, which the sampler leaves out.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => LoopAsync(service, watch, _stopping.Token));
        }

        return watch;
    }

    private async Task LoopAsync(string service, Watch watch, CancellationToken cancellationToken)
    {
        long index = 0;
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await registry.WatchAsync(service, index, s_watchWait, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(200);
                if (snapshot.Index != index || !watch.FirstLoad.Task.IsCompleted)
                {
                    index = snapshot.Index;
                    if (!SameInstances(watch.Current, snapshot.Instances))
                    {
                        watch.Current = snapshot.Instances;
                        RegistryLog.InstancesChanged(logger, service, snapshot.Instances.Count, index);
                        Changed?.Invoke(service, snapshot.Instances);
                    }

                    watch.FirstLoad.TrySetResult();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                RegistryLog.RegistryUnreachable(logger, registry.BaseAddress.ToString(), ex.Message);
                index = 0;
                try
                {
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private static bool SameInstances(IReadOnlyList<ServiceInstance> a, IReadOnlyList<ServiceInstance> b) =>
        a.Count == b.Count && a.SequenceEqual(b);

    private sealed class Watch
    {
        public TaskCompletionSource FirstLoad { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile IReadOnlyList<ServiceInstance> Current = [];
    }
}
