namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Everything root-cause ranking looks at for one incident, whether it comes from the live store or from a recorded
/// benchmark: spans of a baseline window before the anomaly and of the incident window from it, each service's metric
/// series across both windows, and the changes made shortly before.
/// </summary>
/// <param name="AnomalyStartMs">When the anomaly started, unix milliseconds: the boundary between the two windows.</param>
/// <param name="BaselineSpans">Spans that started in the baseline window.</param>
/// <param name="IncidentSpans">Spans that started in the incident window.</param>
/// <param name="Metrics">Per-service metric series covering both windows (RED and resource metrics).</param>
/// <param name="Changes">Restarts, deployments and scaling actions shortly before or during the incident.</param>
public sealed record IncidentEvidence(
    long AnomalyStartMs,
    IReadOnlyCollection<RcaSpan> BaselineSpans,
    IReadOnlyCollection<RcaSpan> IncidentSpans,
    IReadOnlyList<MetricSeries> Metrics,
    IReadOnlyList<ChangeEvent> Changes);
