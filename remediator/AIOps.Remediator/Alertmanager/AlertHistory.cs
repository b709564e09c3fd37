using AIOps.Remediator.Audit;

namespace AIOps.Remediator.Alertmanager;

/// <summary>
/// Every webhook notification Alertmanager sent, kept on disk (append-only, one JSON line each) and the most recent
/// in memory: the alert history Alertmanager itself does not keep. Policies that act on alerts subscribe to
/// <see cref="Received"/>.
/// </summary>
public sealed class AlertHistory : IDisposable
{
    private readonly Lock _gate = new();
    private readonly JsonLinesFile<AlertNotification> _file;
    private readonly LinkedList<AlertNotification> _recent = new();
    private readonly int _keep;

    public AlertHistory(string path, int keep = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        _keep = keep;
        _file = new JsonLinesFile<AlertNotification>(path, Remember);
    }

    /// <summary>Raised after a notification is recorded.</summary>
    public event Action<AlertNotification>? Received;

    public int SkippedLines => _file.SkippedLines;

    public void Record(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_gate)
        {
            _file.Append(notification);
            Remember(notification);
        }

        Received?.Invoke(notification);
    }

    /// <summary>The most recent notifications, newest first.</summary>
    public IReadOnlyList<AlertNotification> Recent(int limit)
    {
        lock (_gate)
        {
            return [.. _recent.Take(limit)];
        }
    }

    /// <summary>
    /// Whether the alert with <paramref name="fingerprint"/> has resolved, by the latest notification that carries
    /// it; null when no kept notification does.
    /// </summary>
    public bool? IsResolved(string fingerprint)
    {
        lock (_gate)
        {
            foreach (var notification in _recent)
            {
                if (notification.Alerts.FirstOrDefault(a => a.Fingerprint == fingerprint) is { } alert)
                {
                    return alert.Status == "resolved";
                }
            }
        }

        return null;
    }

    /// <summary>Retention: notifications received before <paramref name="before"/> move into alerts.archive.jsonl.gz beside the history.</summary>
    public int Archive(DateTimeOffset before)
    {
        lock (_gate)
        {
            var moved = _file.Archive(n => n.ReceivedAt < before);
            while (_recent.Last is { } last && last.Value.ReceivedAt < before)
            {
                _recent.RemoveLast();
            }

            return moved;
        }
    }

    public void Dispose() => _file.Dispose();

    private void Remember(AlertNotification notification)
    {
        _recent.AddFirst(notification);
        if (_recent.Count > _keep)
        {
            _recent.RemoveLast();
        }
    }
}
