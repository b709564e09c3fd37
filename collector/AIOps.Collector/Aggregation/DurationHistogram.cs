using System.Buffers;

namespace AIOps.Collector.Aggregation;

/// <summary>
/// Span durations in fixed log-scale buckets, 100 microseconds to about two minutes, each bound 1.25
/// times the last: small enough to keep per service, operation and 10-second window, fine enough for
/// percentiles within about 12 %. Buckets of windows add up, so percentiles over any range are exact
/// to the bucket.
/// </summary>
public sealed class DurationHistogram
{
    public const double FirstBoundMs = 0.1;
    public const double Growth = 1.25;
    public static readonly int BucketCount = (int)Math.Ceiling(Math.Log(120_000 / FirstBoundMs) / Math.Log(Growth)) + 2;
    private static readonly double[] s_bounds = [.. Enumerable.Range(0, BucketCount - 1).Select(i => FirstBoundMs * Math.Pow(Growth, i)), double.PositiveInfinity];

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Upper bounds in milliseconds; the last is +Inf.</summary>
    public static IReadOnlyList<double> Bounds => s_bounds;

    public long Count { get; private set; }

    public void Record(double milliseconds)
    {
        var index = milliseconds <= FirstBoundMs ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(milliseconds / FirstBoundMs) / Math.Log(Growth)));
        _counts[index]++;
        Count++;
    }

    public void Add(DurationHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The q-quantile in milliseconds, interpolated linearly inside its bucket; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = q * Count;
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_counts[i] == 0)
            {
                continue;
            }

            if (seen + _counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : s_bounds[i - 1];
                var upper = double.IsPositiveInfinity(s_bounds[i]) ? lower * Growth : s_bounds[i];
                return lower + ((upper - lower) * Math.Clamp((rank - seen) / _counts[i], 0, 1));
            }

            seen += _counts[i];
        }

        return s_bounds[^2];
    }

    public byte[] Serialize()
    {
        var writer = new ArrayBufferWriter<byte>(BucketCount * 2);
        var last = Array.FindLastIndex(_counts, c => c != 0);
        Wire.Varint.Write(writer, (ulong)(last + 1));
        for (var i = 0; i <= last; i++)
        {
            Wire.Varint.Write(writer, (ulong)_counts[i]);
        }

        return writer.WrittenSpan.ToArray();
    }

    public static DurationHistogram Deserialize(ReadOnlySpan<byte> data)
    {
        var histogram = new DurationHistogram();
        var position = 0;
        var count = (int)Wire.Varint.Read(data, ref position);
        for (var i = 0; i < count && i < BucketCount; i++)
        {
            histogram._counts[i] = (long)Wire.Varint.Read(data, ref position);
            histogram.Count += histogram._counts[i];
        }

        return histogram;
    }
}
