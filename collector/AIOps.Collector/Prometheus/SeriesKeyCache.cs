using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// The series a remote-write sender has sent before, keyed by their encoded labels exactly as they
/// appear on the wire: a sender encodes a series the same way every time, so a hit costs one hash of
/// the label bytes and no allocation. Thread-safe; when more than <c>capacity</c> series have been
/// added it starts over, which bounds memory under series churn at the price of rebuilding the keys.
/// </summary>
internal sealed class SeriesKeyCache
{
    public const int DefaultCapacity = 500_000;

    private readonly ConcurrentDictionary<byte[], SeriesKey> _entries = new(LabelBytesComparer.Instance);
    private readonly ConcurrentDictionary<byte[], SeriesKey>.AlternateLookup<ReadOnlySpan<byte>> _byBytes;
    private readonly int _capacity;
    private int _count;

    public SeriesKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _byBytes = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ReadOnlySpan<byte> encodedLabels, [MaybeNullWhen(false)] out SeriesKey series) =>
        _byBytes.TryGetValue(encodedLabels, out series);

    public void Add(ReadOnlySpan<byte> encodedLabels, SeriesKey series)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }

        _byBytes.TryAdd(encodedLabels, series);
    }
}
