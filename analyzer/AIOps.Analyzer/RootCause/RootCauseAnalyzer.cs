namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Ranks the candidate root causes of one incident from its <see cref="IncidentEvidence"/>. The same code ranks live
/// incidents and replays recorded benchmarks. Pure.
/// </summary>
/// <remarks>
/// <para>Evidence, each a feature of its own (see <see cref="EvidenceBoard"/> for how they are fused):</para>
/// <list type="bullet">
/// <item>latency: an operation's self time (<see cref="TraceDeviations"/>), leaving out spans that call another
/// service, whose own time is the network's;</item>
/// <item>errors: failures that start in an operation rather than in its callees, and calls to a service that failed
/// before reaching it (<see cref="UnreachedCalls"/>), which count for the service called;</item>
/// <item>calls: calls an operation stopped making (<see cref="CallDrops"/>): it threw or returned early;</item>
/// <item>network: the gap between callers' spans and the service's own (<see cref="NetworkGaps"/>), blamed on the callee;</item>
/// <item>spectrum: how much more often abnormal traces pass through the service than normal ones (<see cref="TraceSpectrum"/>);</item>
/// <item>metrics: the robust change of each kind of metric (<see cref="RobustChangeRanker"/>, rises), one feature per kind;</item>
/// <item>changes: a restart, deployment or scaling of the service shortly before, a weak prior on its own;</item>
/// <item>walk: where a personalised PageRank walk over who calls whom settles, started from every service in
/// proportion to its standing on the features above (<see cref="DependencyWalk"/>): it hands a caller's weight down
/// to an anomalous callee.</item>
/// </list>
/// </remarks>
public sealed class RootCauseAnalyzer
{
    private const int EvidencePerCause = 8;
    private const double DeviationThreshold = 3;
    private const double DropThreshold = 0.3;
    private const double SpectrumThreshold = 0.3;
    private const double ChangeScore = 1;

    /// <summary>How many times more than any other instance one must have moved to be named as the one at fault.</summary>
    private const double InstanceLead = 2;

    // The walk's value is a service's share of the walk against an even share; it counts once twice that.
    private const double WalkThreshold = 2;

    private readonly RobustChangeRanker _metrics = new(new RobustChangeRankerOptions { Direction = ChangeDirection.Increase });

    /// <summary>The candidates, most likely first; empty when nothing moved.</summary>
    public IReadOnlyList<RankedCause> Rank(IncidentEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var board = new EvidenceBoard();
        var names = new SpanNames();
        var baseline = new SpanTree(evidence.BaselineSpans, names);
        var incident = new SpanTree(evidence.IncidentSpans, names);
        AddOperations(board, baseline, incident);
        AddCalls(board, baseline, incident);
        AddUnreached(board, baseline, incident);
        AddNetwork(board, baseline, incident);
        AddSpectrum(board, baseline, incident);
        AddMetrics(board, evidence, names);
        AddChanges(board, evidence.Changes);
        AddWalk(board, incident);
        return [.. board.Rank(Indicator).Select(c => c with { Evidence = [.. c.Evidence.Take(EvidencePerCause)] })];
    }

    private static void AddOperations(EvidenceBoard board, SpanTree baseline, SpanTree incident)
    {
        var clients = incident.CallingAcross();
        clients.UnionWith(baseline.CallingAcross());
        foreach (var d in TraceDeviations.Compute(baseline, incident))
        {
            if (d.LatencyScore > 0 && !clients.Contains((d.Service, d.Operation)))
            {
                board.Add(d.Service, "latency", d.LatencyScore, DeviationThreshold, new CauseEvidence(
                    CauseEvidenceKind.Latency, d.Operation, d.BaselineSelfMs, d.IncidentSelfMs, d.LatencyScore,
                    $"{d.Operation}: own time p90 {d.IncidentSelfMs:0.#} ms against a median of {d.BaselineSelfMs:0.#} ms",
                    d.ExampleTraceIds));
            }

            if (d.ErrorScore > 0)
            {
                board.Add(d.Service, "errors", d.ErrorScore, DeviationThreshold, new CauseEvidence(
                    CauseEvidenceKind.Errors, d.Operation, d.BaselineErrorRate, d.IncidentErrorRate, d.ErrorScore,
                    $"{d.Operation}: failed of its own accord in {d.IncidentErrorRate:P1} of calls against {d.BaselineErrorRate:P1}",
                    d.ExampleTraceIds));
            }
        }
    }

    private static void AddCalls(EvidenceBoard board, SpanTree baseline, SpanTree incident) =>
        board.AddAll("calls", DropThreshold, CallDrops.Compute(baseline, incident).Select(d => (d.Service, new CauseEvidence(
            CauseEvidenceKind.Calls, d.Operation, d.BaselineRate, d.IncidentRate, d.Drop,
            $"{d.Operation}: {d.IncidentRate:0.##} calls to {d.Callee} per span against {d.BaselineRate:0.##}",
            []))));

    private static void AddUnreached(EvidenceBoard board, SpanTree baseline, SpanTree incident) =>
        board.AddAll("errors", DeviationThreshold, UnreachedCalls.Compute(baseline, incident).Select(u => (u.Peer, new CauseEvidence(
            CauseEvidenceKind.Errors, $"{string.Join(", ", u.Callers)} -> {u.Peer}", u.BaselineRate, u.IncidentRate, u.Score,
            $"{u.IncidentRate:P1} of calls to {u.Peer} failed before reaching it, against {u.BaselineRate:P1}",
            u.ExampleTraceIds))));

    private static void AddNetwork(EvidenceBoard board, SpanTree baseline, SpanTree incident) =>
        board.AddAll("network", DeviationThreshold, NetworkGaps.Compute(baseline, incident).Where(g => g.Score > 0).Select(g => (g.Callee, new CauseEvidence(
            CauseEvidenceKind.Network, $"{g.Caller} -> {g.Callee}", g.BaselineMs, g.IncidentMs, g.Score,
            $"calls from {g.Caller} wait {g.IncidentMs:0.#} ms beyond {g.Callee}'s own span against {g.BaselineMs:0.#} ms",
            g.ExampleTraceIds))));

    private static void AddSpectrum(EvidenceBoard board, SpanTree baseline, SpanTree incident) =>
        board.AddAll("spectrum", SpectrumThreshold, TraceSpectrum.Compute(baseline, incident).Select(s => (s.Service, new CauseEvidence(
            CauseEvidenceKind.Spectrum, s.Service, s.NormalThrough, s.AbnormalThrough, s.Ochiai,
            $"{s.AbnormalThrough} of {s.Abnormal} abnormal traces pass through it, and {s.NormalThrough} normal ones",
            s.ExampleTraceIds))));

    // With traces at hand, a service that served no span in either window carried none of the traffic the incident
    // is about: its metrics are left out. A service's series counts towards its standing; its instances' series only
    // say which replica the change is in, when one moved far more than the others.
    private void AddMetrics(EvidenceBoard board, IncidentEvidence evidence, SpanNames names)
    {
        var traced = Enumerable.Range(0, names.ServiceCount).Select(names.ServiceName).ToHashSet(StringComparer.Ordinal);
        var byInstance = new List<(MetricSeries Series, MetricEvidence Evidence)>();
        foreach (var series in evidence.Metrics)
        {
            if ((traced.Count > 0 && !traced.Contains(series.Service)) || _metrics.Score(series, evidence.AnomalyStartMs) is not { Score: > 0 } m)
            {
                continue;
            }

            if (series.Instance is not null)
            {
                byInstance.Add((series, m));
                continue;
            }

            board.Add(series.Service, "metric:" + MetricKind(series), m.Score, DeviationThreshold, new CauseEvidence(
                CauseEvidenceKind.Metric, m.Metric, m.BaselineMedian, m.AnomalousPeak, m.Score,
                $"{m.Metric} reached {m.AnomalousPeak:G4} against a median of {m.BaselineMedian:G4}",
                []));
        }

        foreach (var kind in byInstance.GroupBy(i => (i.Series.Service, Kind: MetricKind(i.Series))))
        {
            var ranked = kind.OrderByDescending(i => i.Evidence.Score).ToList();
            var (series, m) = ranked[0];
            var runnerUp = ranked.Count > 1 ? ranked[1].Evidence.Score : 0;
            if (m.Score < DeviationThreshold || runnerUp * InstanceLead > m.Score)
            {
                continue;
            }

            board.Add(series.Service, "metric:" + kind.Key.Kind, 0, DeviationThreshold, new CauseEvidence(
                CauseEvidenceKind.Metric, $"{m.Metric} of {series.Instance}", m.BaselineMedian, m.AnomalousPeak, m.Score,
                $"{m.Metric} of instance {series.Instance} reached {m.AnomalousPeak:G4} against a median of {m.BaselineMedian:G4}" +
                (ranked.Count > 1 ? "; no other instance moved half as much" : ""),
                []));
            board.Instance(series.Service, series.Instance!, m.Score);
        }
    }

    private static void AddChanges(EvidenceBoard board, IReadOnlyList<ChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            board.Add(change.Service, "change", ChangeScore, ChangeScore, new CauseEvidence(
                CauseEvidenceKind.Change, change.Kind, 0, 1, ChangeScore, change.Description, []));
            if (change.Instance is { } instance)
            {
                board.Instance(change.Service, instance, ChangeScore);
            }
        }
    }

    private static void AddWalk(EvidenceBoard board, SpanTree incident)
    {
        if (!board.AnyMoved)
        {
            return;
        }

        var names = incident.Names;
        var calls = incident.ServiceCalls();
        var standing = board.Standing();
        var anomaly = new double[names.ServiceCount];
        for (var i = 0; i < anomaly.Length; i++)
        {
            anomaly[i] = standing.TryGetValue(names.ServiceName(i), out var s) ? s.Score : 0;
        }

        var share = DependencyWalk.Compute(anomaly, calls);
        var even = 1.0 / anomaly.Length;
        for (var i = 0; i < share.Length; i++)
        {
            if (share[i] > 0)
            {
                board.Add(names.ServiceName(i), "walk", share[i] / even, WalkThreshold, new CauseEvidence(
                    CauseEvidenceKind.Spectrum, "dependency walk", even, share[i], share[i] / even,
                    $"a walk from the anomalous services along who calls whom stays here {share[i]:P0} of the time, against an even {even:P0}",
                    []));
            }
        }
    }

    // What kind of metric a series is, whatever service it belongs to: its name less a leading "<service>_".
    private static string MetricKind(MetricSeries series) =>
        series.Name.StartsWith(series.Service + "_", StringComparison.Ordinal) ? series.Name[(series.Service.Length + 1)..] : series.Name;

    private static string Indicator(string feature, IReadOnlyList<CauseEvidence> evidence)
    {
        if (feature.StartsWith("metric:", StringComparison.Ordinal))
        {
            var name = feature["metric:".Length..].ToLowerInvariant();
            return name switch
            {
                _ when name.Contains("cpu", StringComparison.Ordinal) => "cpu",
                _ when name.Contains("mem", StringComparison.Ordinal) || name.Contains("heap", StringComparison.Ordinal) => "memory",
                _ when name.Contains("thread", StringComparison.Ordinal) || name.Contains("queue", StringComparison.Ordinal) || name.Contains("pool", StringComparison.Ordinal) => "saturation",
                _ when name.Contains("error", StringComparison.Ordinal) || name.Contains("success", StringComparison.Ordinal) => "errors",
                _ when name.Contains("latency", StringComparison.Ordinal) || name.Contains("duration", StringComparison.Ordinal) => "latency",
                _ => name,
            };
        }

        return feature switch
        {
            "calls" => "errors",
            "walk" => evidence.FirstOrDefault(e => e.Kind != CauseEvidenceKind.Spectrum) is { } strongest ? strongest.Kind switch
            {
                CauseEvidenceKind.Errors or CauseEvidenceKind.Calls => "errors",
                CauseEvidenceKind.Metric => Indicator("metric:" + strongest.Subject, evidence),
                CauseEvidenceKind.Change => "change",
                CauseEvidenceKind.Network => "network",
                _ => "latency",
            } : "latency",
            "spectrum" => evidence.Any(e => e.Kind is CauseEvidenceKind.Errors or CauseEvidenceKind.Calls) ? "errors" : "latency",
            _ => feature,
        };
    }
}
