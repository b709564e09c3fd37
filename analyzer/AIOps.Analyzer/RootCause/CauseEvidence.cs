namespace AIOps.Analyzer.RootCause;

/// <summary>
/// One reason a service was suspected: an operation, edge, metric or change, what it was in the baseline against the
/// incident window, and how strongly that counted.
/// </summary>
/// <param name="Kind">What kind of evidence: <see cref="CauseEvidenceKind"/>.</param>
/// <param name="Subject">What moved: the operation, the call edge (<c>caller -> callee</c>), the metric or the change.</param>
/// <param name="Baseline">The value in the baseline window (milliseconds, a rate or the metric's unit).</param>
/// <param name="Incident">The value in the incident window, in the same unit.</param>
/// <param name="Score">How strongly it counted, in robust deviations (larger is stronger).</param>
/// <param name="Detail">A sentence for the SRE.</param>
/// <param name="ExampleTraceIds">Traces that show it, when it came from traces.</param>
public sealed record CauseEvidence(
    CauseEvidenceKind Kind,
    string Subject,
    double Baseline,
    double Incident,
    double Score,
    string Detail,
    IReadOnlyList<string> ExampleTraceIds);
