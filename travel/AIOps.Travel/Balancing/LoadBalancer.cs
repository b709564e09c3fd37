using System.Collections.Concurrent;
using AIOps.Travel.Discovery;

namespace AIOps.Travel.Balancing;

/// <summary>
/// Chooses a replica of a service for each outgoing call, from the live list the service directory
/// keeps, with the process's current strategy. Replicas that refused a connection are skipped for a while.
/// </summary>
internal sealed class LoadBalancer
{
    public static readonly TimeSpan EjectionTime = TimeSpan.FromSeconds(5);

    private readonly ServiceDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ServicePool> _pools = new(StringComparer.Ordinal);
    private volatile IBalancingStrategy _strategy;

    public LoadBalancer(ServiceDirectory directory, TimeProvider time, BalancingStrategyKind kind)
    {
        _directory = directory;
        _time = time;
        _strategy = BalancingStrategies.Create(kind);
        _directory.Changed += (service, instances) => _pools.GetOrAdd(service, _ => new ServicePool()).Sync(instances);
    }

    public BalancingStrategyKind Strategy => _strategy.Kind;

    public void SetStrategy(BalancingStrategyKind kind) => _strategy = BalancingStrategies.Create(kind);

    /// <summary>Picks a replica, or null when the service has no live replica. <paramref name="exclude"/> holds replicas already tried.</summary>
    public async ValueTask<InstanceState?> PickAsync(string service, string? clientKey, IReadOnlyCollection<InstanceState>? exclude, CancellationToken cancellationToken)
    {
        var instances = await _directory.GetInstancesAsync(service, cancellationToken).ConfigureAwait(false);
        var pool = _pools.GetOrAdd(service, _ => new ServicePool());
        var all = pool.Sync(instances);
        if (all.Count == 0)
        {
            return null;
        }

        var now = _time.GetUtcNow().UtcTicks;
        var candidates = all.Where(s => !s.IsEjected(now) && (exclude is null || !exclude.Contains(s))).ToList();
        if (candidates.Count == 0)
        {
            // Every replica was ejected recently: try one anyway rather than failing without a call.
            candidates = all.Where(s => exclude is null || !exclude.Contains(s)).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }
        }

        return _strategy.Pick(candidates, clientKey);
    }

    public void Eject(InstanceState state) => state.Eject(_time.GetUtcNow().UtcTicks + EjectionTime.Ticks);

    /// <summary>Per-replica counters of one service, for the admin API and the tests.</summary>
    public IReadOnlyList<InstanceState> States(string service) =>
        _pools.TryGetValue(service, out var pool) ? pool.Current : [];

    private sealed class ServicePool
    {
        private readonly Lock _gate = new();
        private IReadOnlyList<ServiceInstance> _source = [];
        private IReadOnlyList<InstanceState> _states = [];

        public IReadOnlyList<InstanceState> Current => _states;

        public IReadOnlyList<InstanceState> Sync(IReadOnlyList<ServiceInstance> instances)
        {
            if (ReferenceEquals(instances, _source))
            {
                return _states;
            }

            lock (_gate)
            {
                if (ReferenceEquals(instances, _source))
                {
                    return _states;
                }

                var byId = _states.ToDictionary(s => s.Instance.InstanceId, StringComparer.Ordinal);
                var next = new List<InstanceState>(instances.Count);
                foreach (var instance in instances)
                {
                    if (byId.TryGetValue(instance.InstanceId, out var state))
                    {
                        state.Update(instance);
                    }
                    else
                    {
                        state = new InstanceState(instance);
                    }

                    next.Add(state);
                }

                _states = next;
                _source = instances;
                return next;
            }
        }
    }
}
