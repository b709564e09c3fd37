namespace AIOps.Analyzer.RootCause;

/// <summary>
/// A personalised PageRank walk over the service dependency graph, in the manner of MicroRCA: the walker starts at
/// services in proportion to how anomalous they are, moves to a callee in proportion to the callee's anomaly, back
/// to a caller at a fraction of the caller's, and stays where a service is more anomalous than all it calls (nothing
/// below explains it). The
/// walk settles on the most anomalous services at the bottom of the anomalous part of the graph: a caller slowed or
/// failed by its callee hands its weight down to it. Pure.
/// </summary>
internal static class DependencyWalk
{
    /// <summary>The share of each step that restarts at the personalisation (PageRank's 1 - damping).</summary>
    public const double Restart = 0.15;

    /// <summary>How much of a caller's anomaly a walker at its callee follows back up: callers are rarely the cause.</summary>
    public const double Backward = 0.3;

    private const int Iterations = 100;
    private const double Tolerance = 1e-10;

    /// <summary>
    /// The walk's stationary probability of each service 0..<paramref name="anomaly"/>.Count - 1, summing to 1; all
    /// zero when no service is anomalous.
    /// </summary>
    /// <param name="anomaly">Each service's anomaly, at least 0.</param>
    /// <param name="calls">Who calls whom, as (caller, callee) service numbers.</param>
    public static double[] Compute(IReadOnlyList<double> anomaly, IEnumerable<(int Caller, int Callee)> calls)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        ArgumentNullException.ThrowIfNull(calls);
        var n = anomaly.Count;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (!(anomaly[i] >= 0) || double.IsInfinity(anomaly[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(anomaly), anomaly[i], "an anomaly is finite and at least 0");
            }

            total += anomaly[i];
        }

        var result = new double[n];
        if (total <= 0)
        {
            return result;
        }

        var transitions = Transitions(anomaly, calls);
        var personal = anomaly.Select(a => a / total).ToArray();
        Array.Copy(personal, result, n);
        var next = new double[n];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                next[i] = Restart * personal[i];
            }

            for (var from = 0; from < n; from++)
            {
                foreach (var (to, p) in transitions[from])
                {
                    next[to] += (1 - Restart) * result[from] * p;
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - result[i]);
            }

            (result, next) = (next, result);
            if (change < Tolerance)
            {
                break;
            }
        }

        return result;
    }

    private static List<(int To, double P)>[] Transitions(IReadOnlyList<double> anomaly, IEnumerable<(int Caller, int Callee)> calls)
    {
        var n = anomaly.Count;
        var weights = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = [];
        }

        var calleeMax = new double[n];
        foreach (var (caller, callee) in calls.Distinct())
        {
            if (caller == callee)
            {
                continue;
            }

            ArgumentOutOfRangeException.ThrowIfNegative(caller);
            ArgumentOutOfRangeException.ThrowIfNegative(callee);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(caller, n);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(callee, n);
            weights[caller][callee] = weights[caller].GetValueOrDefault(callee) + anomaly[callee];
            weights[callee][caller] = weights[callee].GetValueOrDefault(caller) + (Backward * anomaly[caller]);
            calleeMax[caller] = Math.Max(calleeMax[caller], anomaly[callee]);
        }

        var transitions = new List<(int, double)>[n];
        for (var i = 0; i < n; i++)
        {
            weights[i][i] = weights[i].GetValueOrDefault(i) + Math.Max(0, anomaly[i] - calleeMax[i]);
            var sum = weights[i].Values.Sum();
            transitions[i] = sum > 0 ? [.. weights[i].Where(w => w.Value > 0).Select(w => (w.Key, w.Value / sum))] : [(i, 1.0)];
        }

        return transitions;
    }
}
