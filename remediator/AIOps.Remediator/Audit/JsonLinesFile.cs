using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AIOps.Remediator.Audit;

/// <summary>
/// An append-only file of JSON records, one per line: each append is flushed to disk before it returns. Reading skips
/// and counts a line torn by a crash; the next append then starts on a line of its own. Retention moves old records
/// into a compressed archive next to the file (<see cref="Archive"/>); nothing else is ever rewritten.
/// </summary>
public sealed class JsonLinesFile<T> : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _gate = new();
    private FileStream _file;

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

    /// <summary>Where <see cref="Archive"/> moves old records: NAME.archive.jsonl.gz beside the file.</summary>
    public string ArchivePath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, System.IO.Path.GetFileNameWithoutExtension(Path) + ".archive.jsonl.gz");

    /// <summary>
    /// Moves the records <paramref name="old"/> selects out of the file into <see cref="ArchivePath"/> (gzip,
    /// one more member per call: <c>zcat</c> reads them all), keeping the others in order. The archive is on disk
    /// before the file is replaced (written aside, then renamed): a crash between the two leaves a record in both,
    /// never in neither. Lines torn by a crash are dropped. Returns the records moved.
    /// </summary>
    public int Archive(Func<T, bool> old)
    {
        ArgumentNullException.ThrowIfNull(old);
        lock (_gate)
        {
            var keep = new List<string>();
            var moved = new List<string>();
            using (var read = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            {
                while (read.ReadLine() is { } line)
                {
                    if (line.Length > 0 && TryRead(line) is { } record)
                    {
                        (old(record) ? moved : keep).Add(line);
                    }
                }
            }

            if (moved.Count == 0)
            {
                return 0;
            }

            using (var archive = new FileStream(ArchivePath, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                using (var gzip = new GZipStream(archive, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(Encoding.UTF8.GetBytes(string.Concat(moved.Select(l => l + "\n"))));
                }

                archive.Flush(flushToDisk: true);
            }

            var aside = Path + ".tmp";
            using (var write = new FileStream(aside, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write.Write(Encoding.UTF8.GetBytes(string.Concat(keep.Select(l => l + "\n"))));
                write.Flush(flushToDisk: true);
            }

            _file.Dispose();
            File.Move(aside, Path, overwrite: true);
            _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return moved.Count;
        }
    }

    public void Dispose() => _file.Dispose();

    private static T? TryRead(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private void Replay(string path, Action<T> existing)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TryRead(line) is { } record)
            {
                existing(record);
            }
            else
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
