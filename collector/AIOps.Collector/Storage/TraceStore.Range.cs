using AIOps.Collector.Model;
using AIOps.Collector.Storage.Blocks;

namespace AIOps.Collector.Storage;

internal sealed partial class TraceStore
{
    /// <summary>
    /// Spans whose start lies in [<paramref name="fromNanos"/>, <paramref name="toNanos"/>), each made into what
    /// <paramref name="project"/> returns as soon as it is decoded (so the full spans of a large range are never all
    /// held), at most <paramref name="maxSpans"/> of them. Above the bound whole traces are sampled by a hash of their
    /// id, the same decision in every range, so that a trace is never cut and adjacent ranges sample alike.
    /// </summary>
    public SpanSample<T> Range<T>(long fromNanos, long toNanos, int maxSpans, Func<SpanData, T> project)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSpans);
        ArgumentNullException.ThrowIfNull(project);
        var hours = Partitions.Hours(fromNanos, toNanos);

        // The blocks' counts bound the spans in range from above, so the share kept stays within the bound on
        // average; a sample that still overshoots is trimmed by hash below.
        var upper = hours.Sum(hour => CountInBlocks(hour, fromNanos, toNanos));
        var share = upper <= maxSpans ? 1.0 : (double)maxSpans / upper;
        var threshold = share >= 1 ? ulong.MaxValue : (ulong)(share * ulong.MaxValue);
        var kept = new List<(ulong Hash, T Span)>();
        long matched = 0;
        foreach (var hour in hours)
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            var query = db.Prepare("SELECT data FROM blocks WHERE start_max >= ?1 AND start_min < ?2").Bind(1, fromNanos).Bind(2, toNanos);
            while (query.Step())
            {
                var spans = SpanBlockCodec.Decode(query.Blob(0), (traceId, start) =>
                {
                    var inRange = start >= fromNanos && start < toNanos;
                    matched += inRange ? 1 : 0;
                    return inRange && TraceHash(traceId) <= threshold;
                });
                foreach (var span in spans)
                {
                    kept.Add((TraceHash(span.TraceId), project(span)));
                }
            }
        }

        return new SpanSample<T>(kept.Count > maxSpans ? Trim(kept, maxSpans) : [.. kept.Select(k => k.Span)], matched);
    }

    private long CountInBlocks(long hour, long fromNanos, long toNanos)
    {
        using var db = Partitions.OpenReader(hour);
        var query = db?.Prepare("SELECT coalesce(sum(count), 0) FROM blocks WHERE start_max >= ?1 AND start_min < ?2").Bind(1, fromNanos).Bind(2, toNanos);
        return query is not null && query.Step() ? query.Int64(0) : 0;
    }

    // Keeps the traces of lowest hash whose spans fit in the bound: whole traces only.
    private static List<T> Trim<T>(List<(ulong Hash, T Span)> kept, int maxSpans)
    {
        kept.Sort((a, b) => a.Hash.CompareTo(b.Hash));
        var count = maxSpans;
        while (count > 0 && kept[count - 1].Hash == kept[count].Hash)
        {
            count--;
        }

        return [.. kept.Take(count).Select(k => k.Span)];
    }

    // Trace ids are random in principle but not always in practice (some carry a time prefix): mix both halves
    // (SplitMix64's finaliser) so that the sample does not follow time.
    private static ulong TraceHash(TraceId id)
    {
        var x = id.High ^ (id.Low * 0x9e3779b97f4a7c15UL);
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
