namespace AIOps.Travel.Load;

/// <summary>
/// A log-bucketed latency histogram (buckets 1 % wide from 10 microseconds to 10 minutes): fixed
/// memory whatever the run length, percentiles within 1 %.
/// </summary>
public sealed class LatencyHistogram
{
    private const double MinMs = 0.01;
    private const double Ratio = 1.01;
    private static readonly double s_logRatio = Math.Log(Ratio);
    private static readonly int s_buckets = (int)Math.Ceiling(Math.Log(600_000 / MinMs) / s_logRatio) + 1;

    private readonly long[] _counts = new long[s_buckets];
    private readonly Lock _gate = new();
    private long _total;
    private double _maxMs;
    private double _sumMs;

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public double MaxMs
    {
        get
        {
            lock (_gate)
            {
                return _maxMs;
            }
        }
    }

    public double MeanMs
    {
        get
        {
            lock (_gate)
            {
                return _total == 0 ? 0 : _sumMs / _total;
            }
        }
    }

    public void Record(double milliseconds)
    {
        var index = milliseconds <= MinMs ? 0 : Math.Min(s_buckets - 1, (int)Math.Ceiling(Math.Log(milliseconds / MinMs) / s_logRatio));
        lock (_gate)
        {
            _counts[index]++;
            _total++;
            _sumMs += milliseconds;
            _maxMs = Math.Max(_maxMs, milliseconds);
        }
    }

    /// <summary>The latency under which <paramref name="quantile"/> of the samples fall (the bucket's upper edge).</summary>
    public double Percentile(double quantile)
    {
        lock (_gate)
        {
            if (_total == 0)
            {
                return 0;
            }

            var rank = (long)Math.Ceiling(quantile * _total);
            long seen = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen >= rank)
                {
                    return Math.Min(_maxMs, MinMs * Math.Pow(Ratio, i));
                }
            }

            return _maxMs;
        }
    }
}
