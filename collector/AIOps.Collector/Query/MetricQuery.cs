namespace AIOps.Collector.Query;

/// <summary>
/// A metric query: the series of one metric matching label matchers, optionally turned into a per-second
/// rate, aggregated across series (keeping the <see cref="By"/> labels), or, for a histogram, a quantile
/// over its buckets; evaluated at every step from <see cref="FromMs"/> to <see cref="ToMs"/>.
/// </summary>
public sealed record MetricQuery
{
    public required string Name { get; init; }

    public IReadOnlyList<LabelMatcher> Matchers { get; init; } = [];

    /// <summary>none, rate or increase.</summary>
    public string Function { get; init; } = "none";

    /// <summary>The range a rate or increase looks back over.</summary>
    public long WindowMs { get; init; } = 60_000;

    /// <summary>none, sum, avg, max, min or count.</summary>
    public string Aggregation { get; init; } = "none";

    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Set for histograms: the quantile (0..1) computed from &lt;Name&gt;_bucket series.</summary>
    public double? Quantile { get; init; }

    public long FromMs { get; init; }

    public long ToMs { get; init; }

    public long StepMs { get; init; } = 15_000;

    /// <summary>How far back an instant value may come from (as Prometheus's lookback delta).</summary>
    public long LookbackMs { get; init; } = 300_000;
}
