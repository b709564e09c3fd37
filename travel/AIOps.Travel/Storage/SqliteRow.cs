using SQLitePCL;

namespace AIOps.Travel.Storage;

/// <summary>The current row of a running query; valid only inside the mapping callback.</summary>
internal readonly struct SqliteRow
{
    private readonly sqlite3_stmt _stmt;

    internal SqliteRow(sqlite3_stmt stmt) => _stmt = stmt;

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public string GetString(int column) => raw.sqlite3_column_text(_stmt, column).utf8_to_string() ?? string.Empty;

    public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

    public long GetInt64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public int GetInt32(int column) => raw.sqlite3_column_int(_stmt, column);

    public double GetDouble(int column) => raw.sqlite3_column_double(_stmt, column);

    public decimal GetDecimal(int column) => (decimal)raw.sqlite3_column_double(_stmt, column);
}
