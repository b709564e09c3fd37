using System.Globalization;
using SQLitePCL;

namespace AIOps.Travel.Storage;

/// <summary>
/// One SQLite connection in WAL mode, shared by the replicas of a service through the file system.
/// Calls are serialised by a lock: SQLite allows one writer at a time anyway, and the travel
/// services write a few hundred rows a second at most.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly object s_initLock = new();
    private static bool s_initialized;
    private static readonly TimeSpan s_busyDeadline = TimeSpan.FromSeconds(10);

    private readonly sqlite3 _db;
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    private SqliteDatabase(sqlite3 db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    public static SqliteDatabase Open(string path)
    {
        lock (s_initLock)
        {
            if (!s_initialized)
            {
                Batteries_V2.Init();
                s_initialized = true;
            }
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_FULLMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            db.Dispose();
            throw new SqliteException($"cannot open {path}: {message}", rc);
        }

        // SQLite's own busy timeout sleeps whole seconds when built without usleep (as this bundle is),
        // which turns cross-process write contention into one-second stalls: no busy timeout, and
        // the calls below retry SQLITE_BUSY after a millisecond or so instead.
        raw.sqlite3_busy_timeout(db, 0);
        var database = new SqliteDatabase(db, path);
        database.ExecuteScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        return database;
    }

    /// <summary>Runs one or more statements without parameters (schema, pragmas).</summary>
    public void ExecuteScript(string sql)
    {
        lock (_gate)
        {
            Check(RetryBusy(() => raw.sqlite3_exec(_db, sql)));
        }
    }

    /// <summary>Runs one statement and returns the number of rows it changed.</summary>
    public int Execute(string sql, params object?[] args)
    {
        lock (_gate)
        {
            var stmt = Prepare(sql, args);
            try
            {
                int rc;
                while ((rc = RetryBusy(() => raw.sqlite3_step(stmt), () => raw.sqlite3_reset(stmt))) == raw.SQLITE_ROW)
                {
                }

                Check(rc, raw.SQLITE_DONE);
                return raw.sqlite3_changes(_db);
            }
            finally
            {
                raw.sqlite3_reset(stmt);
            }
        }
    }

    /// <summary>Runs one statement and maps every row it returns.</summary>
    public List<T> Query<T>(string sql, Func<SqliteRow, T> map, params object?[] args)
    {
        lock (_gate)
        {
            var stmt = Prepare(sql, args);
            try
            {
                var rows = new List<T>();
                int rc;
                while ((rc = rows.Count == 0 ? RetryBusy(() => raw.sqlite3_step(stmt), () => raw.sqlite3_reset(stmt)) : raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
                {
                    rows.Add(map(new SqliteRow(stmt)));
                }

                Check(rc, raw.SQLITE_DONE);
                return rows;
            }
            finally
            {
                raw.sqlite3_reset(stmt);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> inside BEGIN IMMEDIATE ... COMMIT; any exception rolls back.</summary>
    public T InTransaction<T>(Func<SqliteDatabase, T> work)
    {
        lock (_gate)
        {
            Check(RetryBusy(() => raw.sqlite3_exec(_db, "BEGIN IMMEDIATE")));
            try
            {
                var result = work(this);
                Check(RetryBusy(() => raw.sqlite3_exec(_db, "COMMIT")));
                return result;
            }
            catch
            {
                raw.sqlite3_exec(_db, "ROLLBACK");
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var stmt in _statements.Values)
            {
                stmt.Dispose();
            }

            _statements.Clear();
            raw.sqlite3_close_v2(_db);
            _db.Dispose();
        }
    }

    /// <summary>Runs a step or exec again while another process holds the write lock, for up to ten seconds.</summary>
    private static int RetryBusy(Func<int> call, Action? beforeRetry = null)
    {
        var rc = call();
        if (rc != raw.SQLITE_BUSY)
        {
            return rc;
        }

        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(s_busyDeadline.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        for (var attempt = 0; rc == raw.SQLITE_BUSY && System.Diagnostics.Stopwatch.GetTimestamp() < deadline; attempt++)
        {
            Thread.Sleep(Math.Min(1 + (attempt / 8), 5));
            beforeRetry?.Invoke();
            rc = call();
        }

        return rc;
    }

    private sqlite3_stmt Prepare(string sql, object?[] args)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_statements.TryGetValue(sql, out var stmt))
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out stmt));
            _statements[sql] = stmt;
        }

        raw.sqlite3_clear_bindings(stmt);
        for (var i = 0; i < args.Length; i++)
        {
            var index = i + 1;
            var rc = args[i] switch
            {
                null => raw.sqlite3_bind_null(stmt, index),
                string s => raw.sqlite3_bind_text(stmt, index, s),
                int n => raw.sqlite3_bind_int64(stmt, index, n),
                long n => raw.sqlite3_bind_int64(stmt, index, n),
                bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(stmt, index, d),
                decimal m => raw.sqlite3_bind_double(stmt, index, (double)m),
                byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
                var other => raw.sqlite3_bind_text(stmt, index, Convert.ToString(other, CultureInfo.InvariantCulture)),
            };
            Check(rc);
        }

        return stmt;
    }

    private void Check(int rc, int expected = 0)
    {
        if (rc != expected && rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"{Path}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }
}
