namespace AIOps.Analyzer.Detection;

/// <summary>
/// Reports a detector's score only when it is higher than every score of the last <c>quietPoints</c> points, and 0
/// otherwise: a lasting change is one alert at its onset (and again if it grows), not an alert on every point
/// while a window straddles it. What NAB rewards and what an on-call SRE wants from a pager. Causal and pure.
/// </summary>
public sealed class NewMaximaOnly : IStreamingDetector
{
    private readonly IStreamingDetector _inner;
    private readonly SlidingMaximum _recent;

    public NewMaximaOnly(IStreamingDetector inner, int quietPoints)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPoints, 1);
        _inner = inner;
        _recent = new SlidingMaximum(quietPoints);
    }

    public double Update(long timestampMs, double value) => _recent.AddIfNewMaximum(_inner.Update(timestampMs, value));
}
