using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using AIOps.Collector.Model;
using AIOps.Collector.Query;
using AIOps.Collector.Storage.Chunks;
using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Collector.Storage;

/// <summary>
/// Metric samples as compressed chunks per series (120 samples a chunk, XOR-compressed). The open
/// chunk of each series lives in memory; every write also appends its samples, compactly, to a
/// write-ahead table in the same transaction, so acknowledged samples survive a crash; a checkpoint
/// stores the open chunks and empties that table. Writes come from the writer thread only.
/// </summary>
internal sealed class MetricStore : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new();

    private readonly SqliteDb _db;
    private readonly ConcurrentDictionary<SeriesKey, SeriesState> _series = new();
    private readonly ConcurrentDictionary<long, SeriesState> _byId = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<SeriesState>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MetricMetadata> _metadata = new(StringComparer.Ordinal);
    private long _walBytes;

    public MetricStore(string directory, bool durable = true)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, "metrics.db");
        _db = SqliteDb.Open(Path, durable: durable);
        MetricSchema.Create(_db);
        Load();
        Replay();
    }

    public string Path { get; }

    public int SeriesCount => _series.Count;

    /// <summary>Bytes of write-ahead records since the last checkpoint.</summary>
    public long WalBytes => Interlocked.Read(ref _walBytes);

    /// <summary>Appends the batches' samples in one transaction; per batch, the samples rejected as out of order.</summary>
    public IReadOnlyList<Ingestion.WriteOutcome> Write(IReadOnlyList<MetricBatch> batches)
    {
        var outcomes = new Ingestion.WriteOutcome[batches.Count];
        var wal = new ArrayBufferWriter<byte>((batches.Sum(b => b.Samples.Count) * 14) + 16);
        var cut = new List<(SeriesState State, XorChunk Chunk)>();
        var created = new List<SeriesState>();
        _db.BeginImmediate();
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var rejected = 0;
                foreach (var sample in batches[b].Samples)
                {
                    if (!_series.TryGetValue(sample.Series, out var state))
                    {
                        state = Create(sample.Series);
                        created.Add(state);
                    }

                    lock (state.Gate)
                    {
                        if (state.HasData && sample.TimestampMs <= state.LastT)
                        {
                            rejected++;
                            continue;
                        }

                        if (state.Head.IsFull)
                        {
                            cut.Add((state, state.Head));
                            state.StoredUpTo = state.Head.MaxT;
                            state.Head = new XorChunk();
                        }

                        state.Head.Append(sample.TimestampMs, sample.Value);
                    }

                    Wire.Varint.Write(wal, (ulong)state.Id);
                    Wire.Varint.Write(wal, (ulong)sample.TimestampMs);
                    BinaryPrimitives.WriteUInt64LittleEndian(wal.GetSpan(8), BitConverter.DoubleToUInt64Bits(sample.Value));
                    wal.Advance(8);
                }

                outcomes[b] = new Ingestion.WriteOutcome(rejected, rejected > 0 ? "samples not newer than their series' newest sample (out of order)" : null);
            }

            foreach (var (state, chunk) in cut)
            {
                StoreChunk(state, chunk);
            }

            if (wal.WrittenCount > 0)
            {
                _db.Prepare("INSERT INTO wal(data) VALUES (?1)").Bind(1, wal.WrittenSpan).Run();
                Interlocked.Add(ref _walBytes, wal.WrittenCount);
            }

            foreach (var m in batches.SelectMany(b => b.Metadata))
            {
                if (!_metadata.TryGetValue(m.Name, out var existing) || existing != m)
                {
                    _db.Prepare("INSERT OR REPLACE INTO metadata(name, type, unit, help) VALUES (?1, ?2, ?3, ?4)")
                        .Bind(1, m.Name).Bind(2, (long)m.Type).Bind(3, m.Unit).Bind(4, m.Help).Run();
                    _metadata[m.Name] = m;
                }
            }

            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            foreach (var state in created)
            {
                Unregister(state);
            }

            throw;
        }

        return outcomes;
    }

    /// <summary>Stores every open chunk and drops the write-ahead records they cover (writer thread).</summary>
    public void Checkpoint()
    {
        _db.BeginImmediate();
        try
        {
            var last = _db.Prepare("SELECT max(id) FROM wal");
            var upTo = last.Step() && !last.IsNull(0) ? last.Int64(0) : 0;
            foreach (var state in _series.Values)
            {
                lock (state.Gate)
                {
                    if (state.Head.Count == 0)
                    {
                        continue;
                    }

                    StoreChunk(state, state.Head);
                    state.StoredUpTo = state.Head.MaxT;
                    state.Head = new XorChunk();
                }
            }

            _db.Prepare("DELETE FROM wal WHERE id <= ?1").Bind(1, upTo).Run();
            _db.Commit();
            Interlocked.Exchange(ref _walBytes, 0);
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Deletes chunks wholly older than <paramref name="cutoffMs"/> (writer thread).</summary>
    public int DeleteBefore(long cutoffMs)
    {
        _db.Prepare("DELETE FROM chunks WHERE max_t < ?1").Bind(1, cutoffMs).Run();
        return _db.Changes;
    }

    /// <summary>Deletes the oldest chunks until the file is under <paramref name="maxBytes"/>, then vacuums (writer thread).</summary>
    public void EnforceQuota(long maxBytes)
    {
        for (var round = 0; round < 20 && SizeBytes() > maxBytes; round++)
        {
            var oldest = _db.Prepare("SELECT min(max_t), max(max_t) FROM chunks");
            if (!oldest.Step() || oldest.IsNull(0))
            {
                return;
            }

            var cutoff = oldest.Int64(0) + ((oldest.Int64(1) - oldest.Int64(0)) / 10) + 1;
            DeleteBefore(cutoff);
            _db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            _db.Execute("VACUUM");
        }
    }

    public long SizeBytes() =>
        new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public IReadOnlyCollection<string> Names() => [.. _byName.Keys.Order(StringComparer.Ordinal)];

    public MetricMetadata? Metadata(string name) => _metadata.GetValueOrDefault(name);

    /// <summary>Series of <paramref name="name"/> matching every matcher, with their samples in [fromMs, toMs].</summary>
    public IReadOnlyList<SeriesData> Select(string name, IReadOnlyList<LabelMatcher> matchers, long fromMs, long toMs)
    {
        if (!_byName.TryGetValue(name, out var candidates))
        {
            return [];
        }

        var selected = candidates.Where(s => matchers.All(m => m.Matches(s.Key[m.Name]))).ToList();
        if (selected.Count == 0)
        {
            return [];
        }

        var results = new List<SeriesData>(selected.Count);
        using var reader = SqliteDb.Open(Path, readOnly: true);
        foreach (var state in selected)
        {
            var samples = new List<(long T, double V)>();
            var chunks = reader.Prepare("SELECT data FROM chunks WHERE series_id = ?1 AND max_t >= ?2 AND min_t <= ?3 ORDER BY min_t")
                .Bind(1, state.Id).Bind(2, fromMs).Bind(3, toMs);
            while (chunks.Step())
            {
                XorChunk.Decode(chunks.Blob(0), samples, fromMs, toMs);
            }

            byte[] head;
            lock (state.Gate)
            {
                head = state.Head.Count > 0 ? state.Head.ToBytes() : [];
            }

            if (head.Length > 0)
            {
                XorChunk.Decode(head, samples, fromMs, toMs);
            }

            if (samples.Count > 0)
            {
                results.Add(new SeriesData(state.Key, samples));
            }
        }

        return results;
    }

    public void Dispose() => _db.Dispose();

    private SeriesState Create(SeriesKey key)
    {
        var labels = JsonSerializer.Serialize(key.Labels.ToDictionary(l => l.Name, l => l.Value), s_json);
        _db.Prepare("INSERT INTO series(name, labels) VALUES (?1, ?2)").Bind(1, key.Name).Bind(2, labels).Run();
        var state = new SeriesState(_db.LastInsertRowId, key);
        Register(state);
        return state;
    }

    private void Register(SeriesState state)
    {
        _series[state.Key] = state;
        _byId[state.Id] = state;
        _byName.GetOrAdd(state.Key.Name, _ => []).Add(state);
    }

    private void Unregister(SeriesState state)
    {
        _series.TryRemove(state.Key, out _);
        _byId.TryRemove(state.Id, out _);
        if (_byName.TryGetValue(state.Key.Name, out var bag))
        {
            _byName[state.Key.Name] = [.. bag.Where(s => s != state)];
        }
    }

    private void StoreChunk(SeriesState state, XorChunk chunk) =>
        _db.Prepare("INSERT OR REPLACE INTO chunks(series_id, min_t, max_t, count, data) VALUES (?1, ?2, ?3, ?4, ?5)")
            .Bind(1, state.Id).Bind(2, chunk.MinT).Bind(3, chunk.MaxT).Bind(4, chunk.Count).Bind(5, chunk.ToBytes()).Run();

    private void Load()
    {
        var series = _db.Prepare("SELECT id, name, labels FROM series");
        while (series.Step())
        {
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(series.Text(2), s_json) ?? [];
            Register(new SeriesState(series.Int64(0), new SeriesKey(series.Text(1), labels.Select(l => new Label(l.Key, l.Value)))));
        }

        var stored = _db.Prepare("SELECT series_id, max(max_t) FROM chunks GROUP BY series_id");
        while (stored.Step())
        {
            if (_byId.TryGetValue(stored.Int64(0), out var state))
            {
                state.StoredUpTo = stored.Int64(1);
            }
        }

        var metadata = _db.Prepare("SELECT name, type, unit, help FROM metadata");
        while (metadata.Step())
        {
            var m = new MetricMetadata(metadata.Text(0), (MetricType)metadata.Int64(1), metadata.IsNull(2) ? null : metadata.Text(2), metadata.IsNull(3) ? null : metadata.Text(3));
            _metadata[m.Name] = m;
        }
    }

    /// <summary>Rebuilds the open chunks from the write-ahead records, then checkpoints them.</summary>
    private void Replay()
    {
        var records = new List<byte[]>();
        var wal = _db.Prepare("SELECT data FROM wal ORDER BY id");
        while (wal.Step())
        {
            records.Add(wal.Blob(0).ToArray());
        }

        if (records.Count == 0)
        {
            return;
        }

        foreach (var record in records)
        {
            var position = 0;
            while (position < record.Length)
            {
                var id = (long)Wire.Varint.Read(record, ref position);
                var t = (long)Wire.Varint.Read(record, ref position);
                var v = BitConverter.UInt64BitsToDouble(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(position)));
                position += 8;
                if (!_byId.TryGetValue(id, out var state) || (state.HasData && t <= state.LastT))
                {
                    continue;
                }

                if (state.Head.IsFull)
                {
                    _db.BeginImmediate();
                    StoreChunk(state, state.Head);
                    _db.Commit();
                    state.StoredUpTo = state.Head.MaxT;
                    state.Head = new XorChunk();
                }

                state.Head.Append(t, v);
            }
        }

        Checkpoint();
    }
}
