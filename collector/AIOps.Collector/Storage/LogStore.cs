using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage.Blocks;

namespace AIOps.Collector.Storage;

/// <summary>
/// Log records in hourly partitions: one compressed block per write, and an index row per record
/// (time, service, severity, trace id) that search filters on before any block is opened; text is
/// matched on the records the index selects.
/// </summary>
internal sealed class LogStore : IDisposable
{
    private static readonly long s_skewNanos = TimeSpan.FromDays(30).Ticks * 100;
    private const int MaxScannedRecords = 200_000;

    public LogStore(string directory, bool durable = true) =>
        Partitions = new PartitionSet(directory, LogSchema.Create, durable);

    public PartitionSet Partitions { get; }

    public void Write(IReadOnlyList<LogData> records, long nowNanos)
    {
        foreach (var group in records.GroupBy(r => PartitionSet.HourOf(Math.Abs(r.EffectiveTimeUnixNano - nowNanos) > s_skewNanos ? nowNanos : r.EffectiveTimeUnixNano)))
        {
            var list = group.ToList();
            var db = Partitions.Writer(group.Key);
            db.BeginImmediate();
            try
            {
                db.Prepare("INSERT INTO blocks(time_min, time_max, count, data) VALUES (?1, ?2, ?3, ?4)")
                    .Bind(1, list.Min(r => r.EffectiveTimeUnixNano)).Bind(2, list.Max(r => r.EffectiveTimeUnixNano)).Bind(3, list.Count)
                    .Bind(4, LogBlockCodec.Encode(list)).Run();
                var blockId = db.LastInsertRowId;
                var index = db.Prepare("INSERT INTO records(time_ns, service, severity, trace_hi, trace_lo, block_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
                for (var i = 0; i < list.Count; i++)
                {
                    var r = list[i];
                    index.Bind(1, r.EffectiveTimeUnixNano).Bind(2, r.Resource.Service).Bind(3, r.SeverityNumber)
                        .Bind(4, (long)r.TraceId.High).Bind(5, (long)r.TraceId.Low).Bind(6, blockId).Bind(7, i).Run();
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<LogData> Search(LogSearch search)
    {
        var traceId = default(TraceId);
        if (search.TraceId is not null && !TraceId.TryParse(search.TraceId, out traceId))
        {
            return [];
        }

        var results = new List<LogData>();
        var skip = search.Offset;
        var scanned = 0;
        foreach (var hour in Partitions.Hours(search.FromUnixNano, search.ToUnixNano))
        {
            using var db = Partitions.OpenReader(hour);
            if (db is null)
            {
                continue;
            }

            var candidates = new List<(long Block, int Position)>();
            var query = db.Prepare("""
                SELECT block_id, position FROM records
                WHERE time_ns >= ?1 AND time_ns <= ?2 AND (?3 IS NULL OR service = ?3) AND severity >= ?4
                  AND (?5 IS NULL OR (trace_hi = ?5 AND trace_lo = ?6))
                ORDER BY time_ns DESC LIMIT ?7
                """)
                .Bind(1, search.FromUnixNano).Bind(2, search.ToUnixNano).Bind(3, search.Service).Bind(4, search.MinSeverity)
                .Bind(7, MaxScannedRecords - scanned);
            if (search.TraceId is not null)
            {
                query.Bind(5, (long)traceId.High).Bind(6, (long)traceId.Low);
            }

            while (query.Step())
            {
                candidates.Add((query.Int64(0), (int)query.Int64(1)));
            }

            scanned += candidates.Count;
            var blocks = new Dictionary<long, List<LogData>>();
            foreach (var (block, position) in candidates)
            {
                if (!blocks.TryGetValue(block, out var records))
                {
                    var read = db.Prepare("SELECT data FROM blocks WHERE id = ?1").Bind(1, block);
                    records = read.Step() ? LogBlockCodec.Decode(read.Blob(0)) : [];
                    blocks[block] = records;
                }

                if (position >= records.Count)
                {
                    continue;
                }

                var record = records[position];
                if (search.Text is { Length: > 0 } text && !record.Body.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (skip-- > 0)
                {
                    continue;
                }

                results.Add(record);
                if (results.Count >= search.Limit)
                {
                    return results;
                }
            }

            if (scanned >= MaxScannedRecords)
            {
                break;
            }
        }

        return results;
    }

    public void Dispose() => Partitions.Dispose();
}
