using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>The tables of an hourly log partition.</summary>
internal static class LogSchema
{
    public static void Create(SqliteDb db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS blocks(
          id INTEGER PRIMARY KEY, time_min INTEGER NOT NULL, time_max INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS records(
          time_ns INTEGER NOT NULL, service TEXT NOT NULL, severity INTEGER NOT NULL,
          trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL, block_id INTEGER NOT NULL, position INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS records_time ON records(time_ns);
        CREATE INDEX IF NOT EXISTS records_service ON records(service, time_ns);
        CREATE INDEX IF NOT EXISTS records_trace ON records(trace_hi, trace_lo) WHERE trace_hi != 0 OR trace_lo != 0;
        """);
}
