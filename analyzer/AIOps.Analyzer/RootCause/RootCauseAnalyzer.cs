namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Ranks the candidate root causes of one incident from its <see cref="IncidentEvidence"/>: trace evidence (each
/// operation's own work and errors, broken call structure, caller-to-callee gaps), metric evidence (robust change of
/// every service's RED and resource metrics) and the changes made shortly before. The same code ranks live incidents
/// and replays recorded benchmarks. Pure.
/// </summary>
public sealed class RootCauseAnalyzer
{
    private readonly RobustChangeRanker _metrics = new(new RobustChangeRankerOptions { Direction = ChangeDirection.Increase });

    /// <summary>The candidates, most likely first; empty when the evidence shows nothing moved.</summary>
    public IReadOnlyList<RankedCause> Rank(IncidentEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var found = new Dictionary<string, List<CauseEvidence>>(StringComparer.Ordinal);
        void Add(string service, CauseEvidence item)
        {
            if (!found.TryGetValue(service, out var list))
            {
                found[service] = list = [];
            }

            list.Add(item);
        }

        foreach (var d in TraceDeviations.Compute(evidence.BaselineSpans, evidence.IncidentSpans))
        {
            if (d.LatencyScore > 0)
            {
                Add(d.Service, new CauseEvidence(CauseEvidenceKind.Latency, d.Operation, d.BaselineSelfMs, d.IncidentSelfMs, d.LatencyScore, $"self time of {d.Operation} p90 {d.IncidentSelfMs:0.#} ms against a median of {d.BaselineSelfMs:0.#} ms", d.ExampleTraceIds));
            }

            if (d.ErrorScore > 0)
            {
                Add(d.Service, new CauseEvidence(CauseEvidenceKind.Errors, d.Operation, d.BaselineErrorRate, d.IncidentErrorRate, d.ErrorScore, $"{d.Operation} failed of its own accord in {d.IncidentErrorRate:P0} of calls against {d.BaselineErrorRate:P0}", d.ExampleTraceIds));
            }
        }

        foreach (var candidate in _metrics.Rank(evidence.Metrics, evidence.AnomalyStartMs))
        {
            foreach (var m in candidate.Evidence.Where(m => m.Score > 0))
            {
                Add(candidate.Service, new CauseEvidence(CauseEvidenceKind.Metric, m.Metric, m.BaselineMedian, m.AnomalousPeak, m.Score, $"{m.Metric} reached {m.AnomalousPeak:G4} against a median of {m.BaselineMedian:G4}", []));
            }
        }

        foreach (var change in evidence.Changes)
        {
            Add(change.Service, new CauseEvidence(CauseEvidenceKind.Change, change.Kind, 0, 1, 1, change.Description, []));
        }

        var ranked = found
            .Select(pair => (Service: pair.Key, Evidence: pair.Value.OrderByDescending(e => e.Score).ToList()))
            .OrderByDescending(p => p.Evidence[0].Score)
            .ThenBy(p => p.Service, StringComparer.Ordinal)
            .ToList();
        var top = ranked.Count > 0 ? ranked[0].Evidence[0].Score : 1;
        return [.. ranked.Select(p => new RankedCause(
            p.Service,
            p.Evidence[0].Score / top,
            p.Evidence[0].Kind.ToString().ToLowerInvariant(),
            p.Evidence.FirstOrDefault(e => e.Kind is CauseEvidenceKind.Latency or CauseEvidenceKind.Errors)?.Subject,
            null,
            p.Evidence))];
    }
}
