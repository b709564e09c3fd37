namespace AIOps.Travel.Discovery;

/// <summary>
/// The registry's state: instances with their last heartbeat, and a change index that blocking
/// queries wait on. Time is passed in, so the eviction rule is testable without a clock.
/// </summary>
internal sealed class InstanceTable
{
    private readonly Dictionary<string, Dictionary<string, Entry>> _services = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _index = 1;

    public long Index
    {
        get
        {
            lock (_gate)
            {
                return _index;
            }
        }
    }

    /// <summary>Adds an instance or refreshes its heartbeat. Returns true when the instance is new or changed.</summary>
    public bool Upsert(ServiceInstance instance, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue(instance.Service, out var instances))
            {
                instances = new Dictionary<string, Entry>(StringComparer.Ordinal);
                _services[instance.Service] = instances;
            }

            var isChange = !instances.TryGetValue(instance.InstanceId, out var existing) || existing.Instance != instance;
            instances[instance.InstanceId] = new Entry(instance, now);
            if (isChange)
            {
                SignalChange();
            }

            return isChange;
        }
    }

    public bool Remove(string service, string instanceId)
    {
        lock (_gate)
        {
            if (_services.TryGetValue(service, out var instances) && instances.Remove(instanceId))
            {
                SignalChange();
                return true;
            }

            return false;
        }
    }

    /// <summary>Removes every instance whose last heartbeat is older than <paramref name="ttl"/>.</summary>
    public IReadOnlyList<ServiceInstance> Evict(DateTimeOffset now, TimeSpan ttl)
    {
        lock (_gate)
        {
            var evicted = new List<ServiceInstance>();
            foreach (var instances in _services.Values)
            {
                foreach (var entry in instances.Values.Where(e => now - e.LastHeartbeat > ttl).ToList())
                {
                    instances.Remove(entry.Instance.InstanceId);
                    evicted.Add(entry.Instance);
                }
            }

            if (evicted.Count > 0)
            {
                SignalChange();
            }

            return evicted;
        }
    }

    public RegistrySnapshot Snapshot(string service)
    {
        lock (_gate)
        {
            var list = _services.TryGetValue(service, out var instances)
                ? instances.Values.Select(e => e.Instance).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList()
                : [];
            return new RegistrySnapshot(_index, list);
        }
    }

    public IReadOnlyDictionary<string, RegistrySnapshot> SnapshotAll()
    {
        lock (_gate)
        {
            return _services.Keys.Order(StringComparer.Ordinal).ToDictionary(s => s, Snapshot, StringComparer.Ordinal);
        }
    }

    /// <summary>Completes when the index moves past <paramref name="index"/>, or when the wait ends.</summary>
    public async Task WaitForChangeAsync(long index, TimeSpan wait, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_index > index)
            {
                return;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A blocking query that times out answers with the unchanged snapshot.
        }
    }

    private void SignalChange()
    {
        _index++;
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private sealed record Entry(ServiceInstance Instance, DateTimeOffset LastHeartbeat);
}
