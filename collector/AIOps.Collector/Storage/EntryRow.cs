namespace AIOps.Collector.Storage;

/// <summary>An entry span's row in the search index.</summary>
internal readonly record struct EntryRow(long Start, long End, string Service, string Operation, bool Error, bool Root, long TraceHi, long TraceLo);
