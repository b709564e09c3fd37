using AIOps.Collector.Model;
using AIOps.Collector.Storage.Chunks;

namespace AIOps.Collector.Storage;

/// <summary>A known series: its id, the open (head) chunk, and the newest time already in a stored chunk.</summary>
internal sealed class SeriesState(long id, SeriesKey key)
{
    public long Id { get; } = id;

    public SeriesKey Key { get; } = key;

    public XorChunk Head { get; set; } = new();

    /// <summary>Newest timestamp stored in a closed chunk (replay skips samples up to it).</summary>
    public long StoredUpTo { get; set; } = long.MinValue;

    public long LastT => Head.Count > 0 ? Head.MaxT : StoredUpTo;

    /// <summary>Whether the series has any sample yet (so that an older one would be out of order).</summary>
    public bool HasData => Head.Count > 0 || StoredUpTo != long.MinValue;

    public Lock Gate { get; } = new();
}
