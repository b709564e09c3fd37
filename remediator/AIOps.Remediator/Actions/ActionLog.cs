using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AIOps.Remediator.Actions;

/// <summary>
/// The append-only audit log of remediation: every state an action reaches is appended, whole, as one JSON line and
/// flushed to disk before the call returns; nothing is ever rewritten. Opening the log replays it, so the latest
/// state of every action survives a restart. A last line torn by a crash is skipped and counted, never fatal.
/// </summary>
public sealed class ActionLog : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private readonly Dictionary<string, RemediationAction> _latest = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public ActionLog(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            Replay(path);
        }

        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        if (EndsTorn(path))
        {
            // Start the next record on a line of its own, or it would be read as part of the torn one.
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: true);
        }
    }

    public string Path { get; }

    /// <summary>Lines that could not be read when the log was opened (a write torn by a crash).</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Records <paramref name="action"/>'s current state: appended and on disk when this returns.</summary>
    public void Append(RemediationAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(action, Json) + "\n");
        lock (_gate)
        {
            _file.Write(line);
            _file.Flush(flushToDisk: true);
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

    public void Dispose() => _file.Dispose();

    private void Replay(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<RemediationAction>(line, Json) is { } action)
                {
                    Remember(action);
                }
            }
            catch (JsonException)
            {
                SkippedLines++;
            }
        }
    }

    private static bool EndsTorn(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0)
        {
            return false;
        }

        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() != '\n';
    }

    private void Remember(RemediationAction action)
    {
        if (!_latest.ContainsKey(action.Id))
        {
            _order.Add(action.Id);
        }

        _latest[action.Id] = action;
    }
}
