using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>The metric database: series, compressed chunks, the write-ahead records of open chunks, metadata.</summary>
internal static class MetricSchema
{
    public static void Create(SqliteDb db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, name TEXT NOT NULL, labels TEXT NOT NULL, UNIQUE(name, labels));
        CREATE TABLE IF NOT EXISTS chunks(
          series_id INTEGER NOT NULL, min_t INTEGER NOT NULL, max_t INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY(series_id, min_t)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS chunks_max ON chunks(max_t);
        CREATE TABLE IF NOT EXISTS wal(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS metadata(name TEXT PRIMARY KEY, type INTEGER NOT NULL, unit TEXT, help TEXT);
        """);
}
