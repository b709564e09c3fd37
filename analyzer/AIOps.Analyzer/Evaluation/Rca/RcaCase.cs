using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// One labelled fault of a root-cause benchmark: the metrics around it, when the anomaly began and the service
/// that was at fault.
/// </summary>
/// <param name="Name">Where the case comes from, e.g. <c>carts-cpu/1</c>.</param>
/// <param name="RootCause">The service the fault was injected into.</param>
/// <param name="Fault">The kind of fault, e.g. <c>cpu</c> or <c>mem</c>.</param>
/// <param name="Series">The metrics, normal part and anomalous part together.</param>
/// <param name="AnomalyStartMs">The first anomalous time (unix milliseconds).</param>
public sealed record RcaCase(string Name, string RootCause, string Fault, IReadOnlyList<MetricSeries> Series, long AnomalyStartMs);
