using System.Text;

namespace AIOps.Collector.Otlp;

/// <summary>
/// Turns short UTF-8 strings into interned .NET strings: service names, span names and attribute keys
/// repeat in every batch, so decoding them once saves most string allocations on the hot path.
/// A direct-mapped table: a slot holds the last string that hashed there. Thread-safe.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 8192;
    private const int MaxLength = 96;
    private readonly Entry?[] _entries = new Entry?[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = (int)(Hash(utf8) & (Slots - 1));
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Bytes))
        {
            return entry.Text;
        }

        var text = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref _entries[slot], new Entry(utf8.ToArray(), text));
        return text;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }

    private sealed record Entry(byte[] Bytes, string Text);
}
