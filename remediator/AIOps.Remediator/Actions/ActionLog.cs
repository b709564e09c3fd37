using AIOps.Remediator.Audit;

namespace AIOps.Remediator.Actions;

/// <summary>
/// The append-only audit log of remediation: every state an action reaches is appended, whole, as one JSON line and
/// flushed to disk before the call returns; nothing is ever rewritten. Opening the log replays it, so the latest
/// state of every action survives a restart. A last line torn by a crash is skipped and counted, never fatal.
/// </summary>
public sealed class ActionLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly JsonLinesFile<RemediationAction> _file;
    private readonly Dictionary<string, RemediationAction> _latest = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public ActionLog(string path) => _file = new JsonLinesFile<RemediationAction>(path, Remember);

    public string Path => _file.Path;

    /// <summary>Lines that could not be read when the log was opened (a write torn by a crash).</summary>
    public int SkippedLines => _file.SkippedLines;

    /// <summary>Records <paramref name="action"/>'s current state: appended and on disk when this returns.</summary>
    public void Append(RemediationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _file.Append(action);
            Remember(action);
        }
    }

    public RemediationAction? Get(string id)
    {
        lock (_gate)
        {
            return _latest.GetValueOrDefault(id);
        }
    }

    /// <summary>Every action in its latest state, newest first.</summary>
    public IReadOnlyList<RemediationAction> List()
    {
        lock (_gate)
        {
            return [.. Enumerable.Range(0, _order.Count).Select(i => _latest[_order[_order.Count - 1 - i]])];
        }
    }

    /// <summary>
    /// Retention: actions that ended before <paramref name="before"/> move, every line of them, into the compressed
    /// archive next to the log (actions.archive.jsonl.gz) and out of memory. Returns the actions moved.
    /// </summary>
    public int Archive(DateTimeOffset before)
    {
        lock (_gate)
        {
            var ended = _latest.Values.Where(a => ActionStates.IsFinal(a.State) && (a.FinishedAt ?? a.CreatedAt) < before).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            if (ended.Count == 0)
            {
                return 0;
            }

            _file.Archive(a => ended.Contains(a.Id));
            foreach (var id in ended)
            {
                _latest.Remove(id);
            }

            _order.RemoveAll(ended.Contains);
            return ended.Count;
        }
    }

    public string ArchivePath => _file.ArchivePath;

    public void Dispose() => _file.Dispose();

    private void Remember(RemediationAction action)
    {
        if (!_latest.ContainsKey(action.Id))
        {
            _order.Add(action.Id);
        }

        _latest[action.Id] = action;
    }
}
