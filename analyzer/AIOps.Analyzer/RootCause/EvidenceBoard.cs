namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Collects every service's evidence by feature (an operation's own latency, its own errors, dropped calls, network
/// gaps, the trace spectrum, each kind of metric, changes) and fuses it into one ranking.
/// </summary>
/// <remarks>
/// The features are on different scales (robust deviations, shares, coefficients), and in a call graph a fault moves
/// many services a little on some features. What singles the culprit out is standing out on one feature: each
/// service's value on a feature is divided by the largest value any other service has on it, or by the feature's
/// significance threshold when that is larger. A service far ahead of all others on one feature scores high; a
/// feature on which many services moved alike scores nobody much. A service scores as its best feature.
/// </remarks>
internal sealed class EvidenceBoard
{
    private readonly Dictionary<string, Dictionary<string, (double Value, double Threshold)>> _features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CauseEvidence>> _evidence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Instance, double Weight)> _instances = new(StringComparer.Ordinal);

    /// <summary>Counts <paramref name="value"/> for <paramref name="service"/> on <paramref name="feature"/> (the largest counts) and keeps the evidence.</summary>
    public void Add(string service, string feature, double value, double threshold, CauseEvidence evidence)
    {
        if (!_features.TryGetValue(feature, out var byService))
        {
            _features[feature] = byService = new(StringComparer.Ordinal);
        }

        if (!byService.TryGetValue(service, out var current) || value > current.Value)
        {
            byService[service] = (value, threshold);
        }

        if (!_evidence.TryGetValue(service, out var list))
        {
            _evidence[service] = list = [];
        }

        list.Add(evidence);
    }

    /// <summary>Counts each (service, evidence) pair on <paramref name="feature"/> with the evidence's score as its value.</summary>
    public void AddAll(string feature, double threshold, IEnumerable<(string Service, CauseEvidence Evidence)> items)
    {
        foreach (var (service, evidence) in items)
        {
            Add(service, feature, evidence.Score, threshold, evidence);
        }
    }

    /// <summary>
    /// Names the instance at fault when the evidence points at one; of several, the one with the strongest evidence
    /// (a replica whose own memory tripled outweighs one that merely appeared).
    /// </summary>
    public void Instance(string service, string instance, double weight)
    {
        if (!_instances.TryGetValue(service, out var current) || weight > current.Weight)
        {
            _instances[service] = (instance, weight);
        }
    }

    /// <summary>Whether some service reached some feature's threshold: unless one did, nothing but noise moved.</summary>
    public bool AnyMoved => _features.Values.Any(byService => byService.Values.Any(v => v.Value >= v.Threshold));

    /// <summary>Each service's standing: its best feature's value against the best other service's (or the threshold).</summary>
    public Dictionary<string, (double Score, string Feature)> Standing()
    {
        var best = new Dictionary<string, (double Score, string Feature)>(StringComparer.Ordinal);
        foreach (var (feature, byService) in _features)
        {
            var ordered = byService.OrderByDescending(p => p.Value.Value).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (service, (value, threshold)) = ordered[i];
                var rival = ordered.Count == 1 ? 0 : ordered[i == 0 ? 1 : 0].Value.Value;
                var score = value / Math.Max(rival, threshold);
                if (!best.TryGetValue(service, out var current) || score > current.Score)
                {
                    best[service] = (score, feature);
                }
            }
        }

        return best;
    }

    /// <summary>The services with evidence, best first, each scored in (0, 1] relative to the first; empty when no service reached any feature's threshold.</summary>
    public IReadOnlyList<RankedCause> Rank(Func<string, IReadOnlyList<CauseEvidence>, string> indicator)
    {
        // Noise alone moves every feature a little; unless some service reached a feature's threshold, nothing moved.
        if (!AnyMoved)
        {
            return [];
        }

        var best = Standing();
        var ranked = best
            .Where(p => p.Value.Score > 0)
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        var top = ranked[0].Value.Score;
        return [.. ranked.Select(p =>
        {
            List<CauseEvidence> evidence = [.. _evidence[p.Key].Where(e => e.Score > 0).OrderByDescending(e => e.Score)];
            // The operation at fault, when the service stood out on what its operations did (not on a metric or a change).
            var operation = p.Value.Feature is "latency" or "errors" or "calls" or "spectrum"
                ? evidence.FirstOrDefault(e => e.Kind is CauseEvidenceKind.Latency or CauseEvidenceKind.Errors or CauseEvidenceKind.Calls && !e.Subject.Contains(" -> ", StringComparison.Ordinal))?.Subject
                : null;
            return new RankedCause(p.Key, p.Value.Score / top, indicator(p.Value.Feature, evidence), operation, _instances.TryGetValue(p.Key, out var named) ? named.Instance : null, evidence);
        })];
    }
}
