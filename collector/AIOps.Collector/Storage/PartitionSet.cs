using System.Globalization;
using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>
/// One SQLite file per hour of a signal's data, named by its UTC hour (traces/2026112107.db). Writing goes to the hour the
/// data belongs to; retention and the disk quota delete whole files, oldest first, so space comes back
/// at once and no delete scans an index. Only the writer thread writes; queries open read-only
/// connections of their own.
/// </summary>
internal sealed class PartitionSet : IDisposable
{
    private const string Extension = ".db";
    private const string NameFormat = "yyyyMMddHH";
    private const int MaxOpenWriters = 3;
    private static readonly long s_hourNanos = TimeSpan.FromHours(1).Ticks * 100;

    private readonly string _directory;
    private readonly Action<SqliteDb> _createSchema;
    private readonly bool _durable;
    private readonly Dictionary<long, SqliteDb> _writers = [];
    private readonly Lock _gate = new();

    public PartitionSet(string directory, Action<SqliteDb> createSchema, bool durable = true)
    {
        _directory = directory;
        _createSchema = createSchema;
        _durable = durable;
        Directory.CreateDirectory(directory);
    }

    public static long HourOf(long unixNano) => Math.Max(0, unixNano) / s_hourNanos;

    public static long HourStartNanos(long hour) => hour * s_hourNanos;

    /// <summary>The writer connection of an hour's partition, created on first use (writer thread only).</summary>
    public SqliteDb Writer(long hour)
    {
        lock (_gate)
        {
            if (_writers.TryGetValue(hour, out var db))
            {
                return db;
            }

            db = SqliteDb.Open(PathOf(hour), durable: _durable);
            _createSchema(db);
            _writers[hour] = db;
            foreach (var stale in _writers.Keys.Order().Take(Math.Max(0, _writers.Count - MaxOpenWriters)).ToList())
            {
                _writers.Remove(stale, out var old);
                old!.Dispose();
            }

            return db;
        }
    }

    /// <summary>Partitions overlapping [fromNanos, toNanos], newest first, widened by an hour each side for late data.</summary>
    public IReadOnlyList<long> Hours(long fromNanos, long toNanos)
    {
        var from = HourOf(fromNanos) - 1;
        var to = HourOf(toNanos) + 1;
        return [.. AllHours().Where(h => h >= from && h <= to).OrderDescending()];
    }

    public IReadOnlyList<long> AllHours() =>
        [.. Directory.EnumerateFiles(_directory, "*" + Extension)
            .Select(f => DateTime.TryParseExact(Path.GetFileNameWithoutExtension(f), NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? (long)(time - DateTime.UnixEpoch).TotalHours
                : -1)
            .Where(h => h >= 0)
            .Order()];

    /// <summary>A read-only connection to an hour's partition, or null when it does not exist.</summary>
    public SqliteDb? OpenReader(long hour)
    {
        var path = PathOf(hour);
        return File.Exists(path) ? SqliteDb.Open(path, readOnly: true) : null;
    }

    /// <summary>Bytes on disk: the files with their WAL and shared-memory files.</summary>
    public long SizeBytes() =>
        Directory.EnumerateFiles(_directory).Sum(f => new FileInfo(f).Length);

    /// <summary>Deletes partitions entirely older than <paramref name="cutoffNanos"/>; returns how many.</summary>
    public int DeleteBefore(long cutoffNanos)
    {
        var deleted = 0;
        foreach (var hour in AllHours().Where(h => HourStartNanos(h + 1) <= cutoffNanos))
        {
            Delete(hour);
            deleted++;
        }

        return deleted;
    }

    /// <summary>Deletes the oldest partitions (never the newest) until the set fits in <paramref name="maxBytes"/>.</summary>
    public int EnforceQuota(long maxBytes)
    {
        var deleted = 0;
        var hours = AllHours().ToList();
        while (hours.Count > 1 && SizeBytes() > maxBytes)
        {
            Delete(hours[0]);
            hours.RemoveAt(0);
            deleted++;
        }

        return deleted;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var db in _writers.Values)
            {
                db.Dispose();
            }

            _writers.Clear();
        }
    }

    private void Delete(long hour)
    {
        lock (_gate)
        {
            if (_writers.Remove(hour, out var db))
            {
                db.Dispose();
            }
        }

        var path = PathOf(hour);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private string PathOf(long hour) =>
        Path.Combine(_directory, DateTime.UnixEpoch.AddHours(hour).ToString(NameFormat, CultureInfo.InvariantCulture) + Extension);
}
