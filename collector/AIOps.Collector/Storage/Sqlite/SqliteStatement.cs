using SQLitePCL;

namespace AIOps.Collector.Storage.Sqlite;

/// <summary>A prepared statement: bind by 1-based index, step, read columns by 0-based index.</summary>
public sealed class SqliteStatement
{
    private readonly SqliteDb _db;
    private readonly sqlite3_stmt _stmt;

    internal SqliteStatement(SqliteDb db, sqlite3_stmt stmt)
    {
        _db = db;
        _stmt = stmt;
    }

    public SqliteStatement Bind(int index, long value)
    {
        raw.sqlite3_bind_int64(_stmt, index, value);
        return this;
    }

    public SqliteStatement Bind(int index, double value)
    {
        raw.sqlite3_bind_double(_stmt, index, value);
        return this;
    }

    public SqliteStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
        }
        else
        {
            raw.sqlite3_bind_text(_stmt, index, value);
        }

        return this;
    }

    public SqliteStatement Bind(int index, ReadOnlySpan<byte> blob)
    {
        raw.sqlite3_bind_blob(_stmt, index, blob);
        return this;
    }

    /// <summary>Steps once: true when a row is available, false when done.</summary>
    public bool Step()
    {
        var rc = SqliteDb.Retry(() => raw.sqlite3_step(_stmt), () => raw.sqlite3_reset(_stmt));
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        _db.Check(rc, "step");
        return false;
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next bindings.</summary>
    public void Run()
    {
        while (Step())
        {
        }

        Reset();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the column type it reads, as SQLite names it")]
    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the column type it reads, as SQLite names it")]
    public double Double(int column) => raw.sqlite3_column_double(_stmt, column);

    public string Text(int column) => raw.sqlite3_column_text(_stmt, column).utf8_to_string() ?? string.Empty;

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_stmt, column);

    internal void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    internal void Close() => _stmt.Dispose();
}
