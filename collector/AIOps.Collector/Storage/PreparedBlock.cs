namespace AIOps.Collector.Storage;

/// <summary>
/// Spans made ready for the store on the receiving thread (compressed block and index rows), so that the
/// single writer thread only inserts and commits: the expensive work runs in parallel across requests.
/// </summary>
internal sealed record PreparedBlock(long Hour, byte[] Data, long StartMin, long StartMax, int Count, (long Hi, long Lo)[] TraceIds, EntryRow[] Entries);
