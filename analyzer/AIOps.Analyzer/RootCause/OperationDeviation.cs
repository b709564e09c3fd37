namespace AIOps.Analyzer.RootCause;

/// <summary>
/// How one operation of one service behaved in the incident window against the baseline window, judged on its own
/// work (self time) and its own errors (failed spans none of whose children failed).
/// </summary>
/// <param name="Service">The service.</param>
/// <param name="Operation">The operation.</param>
/// <param name="BaselineCount">Spans in the baseline window.</param>
/// <param name="IncidentCount">Spans in the incident window.</param>
/// <param name="BaselineSelfMs">The median self time in the baseline, in milliseconds.</param>
/// <param name="IncidentSelfMs">The 90th percentile of self time in the incident window, in milliseconds.</param>
/// <param name="BaselineErrorRate">The share of spans that failed of their own accord in the baseline.</param>
/// <param name="IncidentErrorRate">The same share in the incident window.</param>
/// <param name="LatencyScore">Robust z of the incident's self time against the baseline's (0 when it did not rise).</param>
/// <param name="ErrorScore">z of the rise of the own-error rate (0 when it did not rise).</param>
/// <param name="ExampleTraceIds">Traces of the incident window where this operation was slowest or failed.</param>
public sealed record OperationDeviation(
    string Service,
    string Operation,
    int BaselineCount,
    int IncidentCount,
    double BaselineSelfMs,
    double IncidentSelfMs,
    double BaselineErrorRate,
    double IncidentErrorRate,
    double LatencyScore,
    double ErrorScore,
    IReadOnlyList<string> ExampleTraceIds)
{
    /// <summary>The larger of the two scores.</summary>
    public double Score => Math.Max(LatencyScore, ErrorScore);
}
