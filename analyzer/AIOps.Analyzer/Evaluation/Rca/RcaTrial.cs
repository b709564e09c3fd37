using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// One benchmark case as the root-cause analyzer sees a live incident: its label, and the evidence it is ranked
/// from, loaded only when the trial runs (a trace benchmark's spans do not all fit in memory at once).
/// </summary>
/// <param name="Name">The case's name.</param>
/// <param name="Fault">The injected fault type.</param>
/// <param name="RootCause">The faulty service.</param>
/// <param name="Evidence">Loads the case's evidence.</param>
public sealed record RcaTrial(string Name, string Fault, string RootCause, Func<IncidentEvidence> Evidence)
{
    /// <summary>A metrics-only case as a trial: no spans, no changes.</summary>
    public static RcaTrial FromMetrics(RcaCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new RcaTrial(@case.Name, @case.Fault, @case.RootCause, () => new IncidentEvidence(@case.AnomalyStartMs, [], [], @case.Series, []));
    }
}
