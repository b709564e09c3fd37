using System.Diagnostics;
using SQLitePCL;

namespace AIOps.Collector.Storage.Sqlite;

/// <summary>
/// One SQLite connection (SQLitePCLRaw, no ADO.NET layer) with cached prepared statements. A connection
/// is used by one thread at a time: the writer owns its own, readers open theirs. WAL mode, so readers
/// never block the writer. SQLITE_BUSY is retried in milliseconds (the bundled build's own busy timeout
/// sleeps in whole seconds).
/// </summary>
public sealed class SqliteDb : IDisposable
{
    private static readonly Lock s_init = new();
    private static bool s_initialized;
    private static readonly TimeSpan s_busyDeadline = TimeSpan.FromSeconds(10);

    private readonly sqlite3 _db;
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private bool _disposed;

    private SqliteDb(sqlite3 db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <param name="path">The database file.</param>
    /// <param name="readOnly">Open for queries only.</param>
    /// <param name="durable">Fsync the WAL at every commit (synchronous=FULL): what the collector acknowledges survives power loss.</param>
    public static SqliteDb Open(string path, bool readOnly = false, bool durable = true)
    {
        lock (s_init)
        {
            if (!s_initialized)
            {
                Batteries_V2.Init();
                s_initialized = true;
            }
        }

        if (!readOnly)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        var flags = (readOnly ? raw.SQLITE_OPEN_READONLY : raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE) | raw.SQLITE_OPEN_NOMUTEX;
        var rc = raw.sqlite3_open_v2(path, out var handle, flags, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(handle).utf8_to_string();
            handle.Dispose();
            throw new StoreException($"cannot open {path}: {message}");
        }

        raw.sqlite3_busy_timeout(handle, 0);
        var db = new SqliteDb(handle, path);
        if (!readOnly)
        {
            db.Execute("PRAGMA journal_mode=WAL");
            db.Execute(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            db.Execute("PRAGMA wal_autocheckpoint=4000");
        }

        db.Execute("PRAGMA cache_size=-16000");
        db.Execute("PRAGMA temp_store=MEMORY");
        return db;
    }

    /// <summary>Runs statements without parameters or results.</summary>
    public void Execute(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Check(Retry(() => raw.sqlite3_exec(_db, sql)), sql);
    }

    /// <summary>A prepared statement, cached by its SQL text; reset before it is handed out.</summary>
    public SqliteStatement Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_statements.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var stmt), sql);
            statement = new SqliteStatement(this, stmt);
            _statements[sql] = statement;
        }

        statement.Reset();
        return statement;
    }

    public void BeginImmediate() => Execute("BEGIN IMMEDIATE");

    public void Commit() => Execute("COMMIT");

    public void Rollback()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            raw.sqlite3_exec(_db, "ROLLBACK");
        }
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public int Changes => raw.sqlite3_changes(_db);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var statement in _statements.Values)
        {
            statement.Close();
        }

        _statements.Clear();
        raw.sqlite3_close_v2(_db);
        _db.Dispose();
    }

    internal static int Retry(Func<int> call, Action? beforeRetry = null)
    {
        var rc = call();
        if (rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED)
        {
            return rc;
        }

        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; (rc == raw.SQLITE_BUSY || rc == raw.SQLITE_LOCKED) && Stopwatch.GetElapsedTime(started) < s_busyDeadline; attempt++)
        {
            Thread.Sleep(Math.Min(1 + (attempt / 8), 5));
            beforeRetry?.Invoke();
            rc = call();
        }

        return rc;
    }

    internal void Check(int rc, string context)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new StoreException($"{Path}: {raw.sqlite3_errmsg(_db).utf8_to_string()} ({context})");
        }
    }
}
