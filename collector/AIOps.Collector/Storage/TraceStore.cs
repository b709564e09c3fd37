using AIOps.Collector.Aggregation;
using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage.Blocks;
using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>
/// Spans in hourly partitions: each write is one compressed block per partition, a trace-to-block index
/// for look-up by id, and an index of entry spans for search. Final RED and edge windows are written to
/// the partition of their hour. <see cref="Write"/> is called by the writer thread only.
/// </summary>
internal sealed partial class TraceStore : IDisposable
{
    /// <summary>Spans are stored in the partition of their start, within this distance of now; beyond it, in now's.</summary>
    private static readonly long s_skewNanos = TimeSpan.FromDays(30).Ticks * 100;
    private const int MaxSpansPerBlock = 4096;

    /// <summary>Entry spans one search reads at most per partition (a search for rare matches stops there).</summary>
    private const int MaxScannedEntries = 200_000;

    public TraceStore(string directory, bool durable = true) =>
        Partitions = new PartitionSet(directory, TraceSchema.Create, durable);

    public PartitionSet Partitions { get; }

    /// <summary>Encodes spans into blocks per hourly partition (any thread; pure CPU work).</summary>
    public static IReadOnlyList<PreparedBlock> Prepare(IReadOnlyList<SpanData> spans, long nowNanos)
    {
        var byHour = new Dictionary<long, List<SpanData>>();
        foreach (var span in spans)
        {
            var at = Math.Abs(span.StartUnixNano - nowNanos) > s_skewNanos ? nowNanos : span.StartUnixNano;
            var hour = PartitionSet.HourOf(at);
            if (!byHour.TryGetValue(hour, out var list))
            {
                list = [];
                byHour[hour] = list;
            }

            list.Add(span);
        }

        var blocks = new List<PreparedBlock>();
        foreach (var (hour, list) in byHour)
        {
            for (var offset = 0; offset < list.Count; offset += MaxSpansPerBlock)
            {
                blocks.Add(PrepareBlock(hour, list.GetRange(offset, Math.Min(MaxSpansPerBlock, list.Count - offset))));
            }
        }

        return blocks;
    }

    /// <summary>Stores prepared blocks and final aggregate windows, one transaction per partition (writer thread).</summary>
    public void Write(IReadOnlyList<PreparedBlock> blocks, IReadOnlyList<RedWindow> red, IReadOnlyList<EdgeWindow> edges)
    {
        var hours = blocks.Select(b => b.Hour)
            .Concat(red.Select(w => PartitionSet.HourOf(w.WindowStartUnixNano)))
            .Concat(edges.Select(e => PartitionSet.HourOf(e.WindowStartUnixNano)))
            .Distinct();
        foreach (var hour in hours)
        {
            var db = Partitions.Writer(hour);
            db.BeginImmediate();
            try
            {
                foreach (var block in blocks.Where(b => b.Hour == hour))
                {
                    WriteBlock(db, block);
                }

                WriteWindows(db, hour, red, edges);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Every stored span of a trace, from the partitions overlapping the range (all when not given).</summary>
    public IReadOnlyList<SpanData> GetTrace(TraceId traceId, long fromNanos = 0, long toNanos = long.MaxValue)
    {
        var spans = new List<SpanData>();
        foreach (var hour in Partitions.Hours(fromNanos, toNanos))
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            var blocks = new List<long>();
            var find = db.Prepare("SELECT block_id FROM trace_blocks WHERE trace_hi = ?1 AND trace_lo = ?2").Bind(1, (long)traceId.High).Bind(2, (long)traceId.Low);
            while (find.Step())
            {
                blocks.Add(find.Int64(0));
            }

            foreach (var block in blocks)
            {
                var read = db.Prepare("SELECT data FROM blocks WHERE id = ?1").Bind(1, block);
                if (read.Step())
                {
                    spans.AddRange(SpanBlockCodec.Decode(read.Blob(0), (id, _) => id == traceId));
                }
            }
        }

        return [.. spans.DistinctBy(s => s.SpanId).OrderBy(s => s.StartUnixNano)];
    }

    /// <summary>Traces whose entry spans match, newest first, from the index (the attribute filter reads the spans).</summary>
    public IReadOnlyList<TraceSummary> Search(TraceSearch search)
    {
        var results = new List<TraceSummary>();
        var skip = search.Offset;
        foreach (var hour in Partitions.Hours(search.FromUnixNano, search.ToUnixNano))
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            foreach (var summary in SearchPartition(db, search))
            {
                if (search.Attribute is { } attribute && !HasAttribute(summary.TraceId, attribute, search))
                {
                    continue;
                }

                if (skip-- > 0)
                {
                    continue;
                }

                results.Add(summary);
                if (results.Count >= search.Limit)
                {
                    return results;
                }
            }
        }

        return results;
    }

    /// <summary>Persisted RED windows overlapping the range.</summary>
    public IReadOnlyList<RedWindow> Red(long fromNanos, long toNanos, string? service, string? operation) =>
        Windows(
            fromNanos,
            toNanos,
            """
            SELECT window_start, service, operation, count, errors, duration_sum_ns, histogram FROM red
            WHERE window_start >= ?1 AND window_start < ?2 AND (?3 IS NULL OR service = ?3) AND (?4 IS NULL OR operation = ?4)
            """,
            query => query.Bind(3, service).Bind(4, operation),
            (start, key1, key2) => new RedWindow(start, key1, key2));

    public IReadOnlyList<EdgeWindow> Edges(long fromNanos, long toNanos) =>
        Windows(
            fromNanos,
            toNanos,
            """
            SELECT window_start, caller, callee, count, errors, duration_sum_ns, histogram FROM edges
            WHERE window_start >= ?1 AND window_start < ?2
            """,
            query => query,
            (start, key1, key2) => new EdgeWindow(start, key1, key2));

    // Windows overlapping [from, to) from every partition they may lie in: the SQL selects the window start, its two
    // keys and the counts in that order, with ?1 and ?2 the start bounds; bindKeys binds any further parameters.
    private List<T> Windows<T>(long fromNanos, long toNanos, string sql, Func<SqliteStatement, SqliteStatement> bindKeys, Func<long, string, string, T> create)
        where T : CallWindow
    {
        var windows = new List<T>();
        foreach (var hour in Partitions.Hours(fromNanos, toNanos))
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            var query = bindKeys(db.Prepare(sql).Bind(1, fromNanos - LiveAggregates.WindowNanos + 1).Bind(2, toNanos));
            while (query.Step())
            {
                var window = create(query.Int64(0), query.Text(1), query.Text(2));
                window.Restore(query.Int64(3), query.Int64(4), query.Int64(5), DurationHistogram.Deserialize(query.Blob(6)));
                windows.Add(window);
            }
        }

        return windows;
    }

    /// <summary>The latest persisted RED window, to resume the live aggregates after a restart.</summary>
    public long? LatestPersistedWindow()
    {
        foreach (var hour in Partitions.AllHours().OrderDescending())
        {
            using var db = Partitions.OpenReader(hour);
            var query = db?.Prepare("SELECT max(window_start) FROM red");
            if (query is not null && query.Step() && !query.IsNull(0))
            {
                return query.Int64(0);
            }
        }

        return null;
    }

    /// <summary>Spans stored with a start at or after <paramref name="fromNanos"/>, block by block (to rebuild aggregates).</summary>
    public IEnumerable<IReadOnlyList<SpanData>> ReadSince(long fromNanos)
    {
        foreach (var hour in Partitions.Hours(fromNanos, long.MaxValue).Order())
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            var blocks = new List<byte[]>();
            var query = db.Prepare("SELECT data FROM blocks WHERE start_max >= ?1 ORDER BY id").Bind(1, fromNanos);
            while (query.Step())
            {
                blocks.Add(query.Blob(0).ToArray());
            }

            foreach (var block in blocks)
            {
                yield return SpanBlockCodec.Decode(block);
            }
        }
    }

    public void Dispose() => Partitions.Dispose();

    private static PreparedBlock PrepareBlock(long hour, List<SpanData> spans)
    {
        var traces = new HashSet<(long, long)>();
        var entries = new List<EntryRow>(spans.Count / 3);
        long min = long.MaxValue, max = long.MinValue;
        foreach (var span in spans)
        {
            traces.Add(((long)span.TraceId.High, (long)span.TraceId.Low));
            min = Math.Min(min, span.StartUnixNano);
            max = Math.Max(max, span.StartUnixNano);
            if (span.IsEntry)
            {
                entries.Add(new EntryRow(span.StartUnixNano, span.EndUnixNano, span.Resource.Service, span.Name, span.IsError, span.ParentSpanId.IsEmpty, (long)span.TraceId.High, (long)span.TraceId.Low));
            }
        }

        return new PreparedBlock(hour, SpanBlockCodec.Encode(spans), min, max, spans.Count, [.. traces], [.. entries]);
    }

    private static void WriteBlock(SqliteDb db, PreparedBlock block)
    {
        db.Prepare("INSERT INTO blocks(start_min, start_max, count, data) VALUES (?1, ?2, ?3, ?4)")
            .Bind(1, block.StartMin).Bind(2, block.StartMax).Bind(3, block.Count).Bind(4, block.Data).Run();
        var blockId = db.LastInsertRowId;
        var index = db.Prepare("INSERT OR IGNORE INTO trace_blocks(trace_hi, trace_lo, block_id) VALUES (?1, ?2, ?3)");
        foreach (var (hi, lo) in block.TraceIds)
        {
            index.Bind(1, hi).Bind(2, lo).Bind(3, blockId).Run();
        }

        var entry = db.Prepare("INSERT INTO entries(start_ns, end_ns, service, operation, error, root, trace_hi, trace_lo, block_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        long first = 0, last = -1;
        foreach (var e in block.Entries)
        {
            entry.Bind(1, e.Start).Bind(2, e.End).Bind(3, e.Service).Bind(4, e.Operation).Bind(5, e.Error ? 1 : 0).Bind(6, e.Root ? 1 : 0)
                .Bind(7, e.TraceHi).Bind(8, e.TraceLo).Bind(9, blockId).Run();
            last = db.LastInsertRowId;
            first = first == 0 ? last : first;
        }

        // A block's entry rows are contiguous: a trace's summary reads them by rowid range, so the
        // entries need no index by trace id (a random-key index would halve the write rate).
        db.Prepare("UPDATE blocks SET entry_first = ?1, entry_last = ?2 WHERE id = ?3").Bind(1, first).Bind(2, last).Bind(3, blockId).Run();
    }

    private static void WriteWindows(SqliteDb db, long hour, IReadOnlyList<RedWindow> red, IReadOnlyList<EdgeWindow> edges)
    {
        foreach (var w in red.Where(w => PartitionSet.HourOf(w.WindowStartUnixNano) == hour))
        {
            db.Prepare("INSERT OR REPLACE INTO red(window_start, service, operation, count, errors, duration_sum_ns, histogram) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .Bind(1, w.WindowStartUnixNano).Bind(2, w.Service).Bind(3, w.Operation).Bind(4, w.Count).Bind(5, w.Errors).Bind(6, w.DurationSumNanos)
                .Bind(7, w.Histogram.Serialize()).Run();
        }

        foreach (var w in edges.Where(w => PartitionSet.HourOf(w.WindowStartUnixNano) == hour))
        {
            db.Prepare("INSERT OR REPLACE INTO edges(window_start, caller, callee, count, errors, duration_sum_ns, histogram) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .Bind(1, w.WindowStartUnixNano).Bind(2, w.Caller).Bind(3, w.Callee).Bind(4, w.Count).Bind(5, w.Errors).Bind(6, w.DurationSumNanos)
                .Bind(7, w.Histogram.Serialize()).Run();
        }
    }

    /// <summary>
    /// Walks the partition's entry spans newest first through an index (no sort, no grouping), keeping
    /// each new trace that passes the filters, and stops as soon as enough traces are found.
    /// </summary>
    private static IEnumerable<TraceSummary> SearchPartition(SqliteDb db, TraceSearch search)
    {
        var wanted = search.Offset + search.Limit + (search.Attribute is null ? 0 : 500);
        // Errors are rare: "errors only" walks the partial index of failed entries (partitions written before it existed
        // lack it, and are scanned as before) instead of every entry of the hour.
        var sql = search.Error == true && search.Operation is null && HasErrorIndex(db)
            ? "SELECT trace_hi, trace_lo, start_ns, end_ns, error FROM entries INDEXED BY entries_errors WHERE error = 1 AND start_ns >= ?1 AND start_ns <= ?2 AND (?3 IS NULL OR service = ?3) ORDER BY start_ns DESC LIMIT ?5"
            : search.Service is null
            ? "SELECT trace_hi, trace_lo, start_ns, end_ns, error FROM entries INDEXED BY entries_start WHERE start_ns >= ?1 AND start_ns <= ?2 ORDER BY start_ns DESC LIMIT ?5"
            : search.Operation is null
                ? "SELECT trace_hi, trace_lo, start_ns, end_ns, error FROM entries INDEXED BY entries_start WHERE start_ns >= ?1 AND start_ns <= ?2 AND service = ?3 ORDER BY start_ns DESC LIMIT ?5"
                : "SELECT trace_hi, trace_lo, start_ns, end_ns, error FROM entries WHERE service = ?3 AND operation = ?4 AND start_ns >= ?1 AND start_ns <= ?2 ORDER BY start_ns DESC LIMIT ?5";
        var query = db.Prepare(sql).Bind(1, search.FromUnixNano).Bind(2, search.ToUnixNano).Bind(3, search.Service).Bind(4, search.Operation).Bind(5, MaxScannedEntries);
        var matches = new List<(long Hi, long Lo)>();
        var seen = new HashSet<(long, long)>();
        while (matches.Count < wanted && query.Step())
        {
            if (query.Int64(3) - query.Int64(2) < search.MinDurationNanos || (search.Error is { } error && (query.Int64(4) == 1) != error))
            {
                continue;
            }

            var key = (query.Int64(0), query.Int64(1));
            if (seen.Add(key))
            {
                matches.Add(key);
            }
        }

        foreach (var (hi, lo) in matches)
        {
            var ranges = new List<(long First, long Last)>();
            var blocks = db.Prepare("SELECT b.entry_first, b.entry_last FROM trace_blocks t JOIN blocks b ON b.id = t.block_id WHERE t.trace_hi = ?1 AND t.trace_lo = ?2")
                .Bind(1, hi).Bind(2, lo);
            while (blocks.Step())
            {
                ranges.Add((blocks.Int64(0), blocks.Int64(1)));
            }

            long start = long.MaxValue, end = long.MinValue;
            var services = new SortedSet<string>(StringComparer.Ordinal);
            string? rootService = null, rootOperation = null;
            long rootStart = long.MaxValue;
            var count = 0;
            var anyError = false;
            foreach (var (firstRow, lastRow) in ranges)
            {
                var entries = db.Prepare("SELECT start_ns, end_ns, service, operation, error, root FROM entries WHERE rowid >= ?1 AND rowid <= ?2 AND trace_hi = ?3 AND trace_lo = ?4")
                    .Bind(1, firstRow).Bind(2, lastRow).Bind(3, hi).Bind(4, lo);
                while (entries.Step())
                {
                    var entryStart = entries.Int64(0);
                    start = Math.Min(start, entryStart);
                    end = Math.Max(end, entries.Int64(1));
                    services.Add(entries.Text(2));
                    if (entries.Int64(5) == 1 || (rootService is null || entryStart < rootStart) && rootStart != long.MinValue)
                    {
                        rootService = entries.Text(2);
                        rootOperation = entries.Text(3);
                        rootStart = entries.Int64(5) == 1 ? long.MinValue : entryStart;
                    }

                    anyError |= entries.Int64(4) == 1;
                    count++;
                }
            }

            yield return new TraceSummary(new TraceId((ulong)hi, (ulong)lo).ToString(), start, (end - start) / 1e6, rootService ?? string.Empty, rootOperation ?? string.Empty, [.. services], count, anyError);
        }
    }

    private static bool HasErrorIndex(SqliteDb db)
    {
        var query = db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'entries_errors'");
        return query.Step();
    }

    private bool HasAttribute(string traceId, (string Key, string Value) attribute, TraceSearch search)
    {
        if (!TraceId.TryParse(traceId, out var id))
        {
            return false;
        }

        return GetTrace(id, search.FromUnixNano, search.ToUnixNano)
            .Any(s => s.Attributes.Any(a => a.Key == attribute.Key && a.Value.ToString() == attribute.Value)
                || s.Resource.Attributes.Any(a => a.Key == attribute.Key && a.Value.ToString() == attribute.Value));
    }
}
