using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AIOps.Remediator.Audit;

/// <summary>
/// An append-only file of JSON records, one per line: each append is flushed to disk before it returns, nothing is
/// ever rewritten. Reading skips and counts a line torn by a crash; the next append then starts on a line of its own.
/// </summary>
public sealed class JsonLinesFile<T> : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();
    private readonly FileStream _file;

    /// <summary>Opens (or creates) the file; <paramref name="existing"/> gets every record already in it, oldest first.</summary>
    public JsonLinesFile(string path, Action<T> existing)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(existing);
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            Replay(path, existing);
        }

        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        if (_file.Length > 0 && EndsTorn(path))
        {
            // Start the next record on a line of its own, or it would be read as part of the torn one.
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: true);
        }
    }

    public string Path { get; }

    /// <summary>Lines that could not be read when the file was opened (a write torn by a crash).</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Appends <paramref name="record"/>: on disk when this returns.</summary>
    public void Append(T record)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        lock (_gate)
        {
            _file.Write(line);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _file.Dispose();

    private void Replay(string path, Action<T> existing)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<T>(line, Json) is { } record)
                {
                    existing(record);
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
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() != '\n';
    }
}
