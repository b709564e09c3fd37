namespace AIOps.Analyzer.Forecasting;

/// <summary>
/// Where a model fitted once is backtested: origins a quarter horizon apart before the end, and how the
/// squared errors there become an error scale per step ahead.
/// </summary>
internal sealed record SpectrumBacktest(int Horizon, int Origins)
{
    public int Step => Math.Max(1, Horizon / 4);

    /// <summary>The points the origins need after the first usable one.</summary>
    public int Span => Horizon + ((Origins - 1) * Step);

    /// <summary>The origins, latest first, that leave <paramref name="earliest"/> points before them.</summary>
    public IReadOnlyList<int> Ends(int length, int earliest)
    {
        var ends = new List<int>(Origins);
        for (var end = length - Horizon; ends.Count < Origins && end >= earliest; end -= Step)
        {
            ends.Add(end);
        }

        return ends;
    }

    /// <summary>Root mean square error per step ahead, averaged over neighbouring steps and never shrinking.</summary>
    public double[] Scales(double[] sumOfSquares, int origins)
    {
        ArgumentNullException.ThrowIfNull(sumOfSquares);
        var half = Math.Max(1, Horizon / 8);
        var sigmas = new double[Horizon];
        for (var h = 0; h < Horizon; h++)
        {
            var from = Math.Max(0, h - half);
            var to = Math.Min(Horizon - 1, h + half);
            var mean = sumOfSquares[from..(to + 1)].Sum() / (origins * (to - from + 1));
            sigmas[h] = Math.Max(Math.Sqrt(mean), h > 0 ? sigmas[h - 1] : 0);
        }

        return sigmas;
    }
}
