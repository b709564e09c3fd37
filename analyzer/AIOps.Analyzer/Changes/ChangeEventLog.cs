using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Changes;

/// <summary>
/// Changes recorded as they are made, by the remediator's drivers or anything else in the host, kept in memory: the
/// most recent <see cref="Capacity"/> of them, the oldest recorded dropped first. Safe from any thread.
/// </summary>
public sealed class ChangeEventLog : IChangeEventSource
{
    /// <summary>Changes kept by default: days of restarts and scaling even on a busy platform.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Queue<ChangeEvent> _events = new();
    private readonly Lock _gate = new();

    /// <summary>Creates a log that keeps at most <paramref name="capacity"/> changes.</summary>
    public ChangeEventLog(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>The most changes kept.</summary>
    public int Capacity { get; }

    /// <summary>Changes kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Records a change; when the log is full, the oldest recorded change goes.</summary>
    public void Record(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_events.Count == Capacity)
            {
                _events.Dequeue();
            }

            _events.Enqueue(change);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ChangeEvent> Between(long fromMs, long toMs)
    {
        lock (_gate)
        {
            return [.. _events.Where(e => e.TimeMs >= fromMs && e.TimeMs < toMs).OrderBy(e => e.TimeMs)];
        }
    }
}
