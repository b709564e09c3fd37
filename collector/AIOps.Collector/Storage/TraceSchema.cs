using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>The tables of an hourly trace partition.</summary>
internal static class TraceSchema
{
    public static void Create(SqliteDb db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS blocks(
          id INTEGER PRIMARY KEY, start_min INTEGER NOT NULL, start_max INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL,
          entry_first INTEGER NOT NULL DEFAULT 0, entry_last INTEGER NOT NULL DEFAULT -1);
        CREATE TABLE IF NOT EXISTS trace_blocks(
          trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL, block_id INTEGER NOT NULL,
          PRIMARY KEY(trace_hi, trace_lo, block_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS entries(
          start_ns INTEGER NOT NULL, end_ns INTEGER NOT NULL, service TEXT NOT NULL, operation TEXT NOT NULL,
          error INTEGER NOT NULL, root INTEGER NOT NULL, trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL, block_id INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS entries_start ON entries(start_ns);
        CREATE INDEX IF NOT EXISTS entries_operation ON entries(service, operation, start_ns);
        CREATE INDEX IF NOT EXISTS entries_errors ON entries(start_ns) WHERE error = 1;
        CREATE TABLE IF NOT EXISTS red(
          window_start INTEGER NOT NULL, service TEXT NOT NULL, operation TEXT NOT NULL,
          count INTEGER NOT NULL, errors INTEGER NOT NULL, duration_sum_ns INTEGER NOT NULL, histogram BLOB NOT NULL,
          PRIMARY KEY(window_start, service, operation)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS edges(
          window_start INTEGER NOT NULL, caller TEXT NOT NULL, callee TEXT NOT NULL,
          count INTEGER NOT NULL, errors INTEGER NOT NULL, duration_sum_ns INTEGER NOT NULL, histogram BLOB NOT NULL,
          PRIMARY KEY(window_start, caller, callee)) WITHOUT ROWID;
        """);
}
