namespace AIOps.Analyzer.Detection;

/// <summary>
/// How far a value goes beyond the range of the last <c>horizon</c> values, in units of that range's width: 0
/// inside it, 0.1 for a value a tenth of the width above the highest (or below the lowest). A record over a
/// long horizon is rare in normal operation whatever the series' scale or noise, which is what makes this a
/// calibrated measure across very different series. Nothing is reported before <c>warmUp</c> values. With a
/// <c>trim</c> fraction, the range leaves out that share of the highest and of the lowest values, so that a few
/// wild values (a process' first requests, a GC pause) do not hide everything smaller for the whole horizon.
/// </summary>
internal sealed class RangeNovelty(int horizon, int warmUp, double trim = 0)
{
    private readonly SlidingMaximum _highest = new(horizon);
    private readonly SlidingMaximum _negatedLowest = new(horizon);
    private readonly SortedWindow? _sorted = trim > 0 ? new SortedWindow(horizon) : null;

    /// <summary>How far <paramref name="value"/> goes beyond the range so far (rises, falls or both), without adding it.</summary>
    public double Beyond(double value, bool rise = true, bool fall = true)
    {
        if (!double.IsFinite(value) || _highest.Added < warmUp)
        {
            return 0;
        }

        var (low, high) = Bounds();
        var width = Math.Max(high - low, Math.Max(Math.Abs(high) * 1e-6, 1e-12));
        return Math.Max(Math.Max(rise ? (value - high) / width : 0, fall ? (low - value) / width : 0), 0);
    }

    /// <summary>Adds <paramref name="value"/> to the range (a value that is not finite is left out).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        _highest.Add(value);
        _negatedLowest.Add(-value);
        _sorted?.Add(value);
    }

    private (double Low, double High) Bounds()
    {
        if (_sorted is null)
        {
            return (-_negatedLowest.Maximum, _highest.Maximum);
        }

        var skip = (int)Math.Ceiling(_sorted.Count * trim);
        return (_sorted[skip], _sorted[_sorted.Count - 1 - skip]);
    }
}
