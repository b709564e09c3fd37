namespace AIOps.Dashboard.Chaos;

/// <summary>
/// Judges a recorded chaos run. A case is detected by the first incident opened in [injection, fault end + grace);
/// its rank is the faulty service's place in that incident's causes. A case is under way from its injection until
/// it settled (no incident open any more): incidents opened then are the fault's, the detection or its aftermath.
/// Any other incident opened while the run was observed opened in a fault-free period: a false incident. Pure.
/// </summary>
public static class ChaosScorer
{
    public static ChaosEvaluation Score(ChaosRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var incidents = recording.Incidents.OrderBy(i => i.OpenedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var results = recording.Runs.Select(run =>
        {
            var during = incidents.Where(i => i.OpenedAt >= run.InjectedAt && i.OpenedAt < run.SettledAt).ToList();
            var detection = during.FirstOrDefault(i => i.OpenedAt < run.DetectBy);
            return new ChaosCaseResult(run, detection, detection?.RankOf(run.Case.Service) ?? 0, [.. during.Where(i => !ReferenceEquals(i, detection))]);
        }).ToList();

        var quiet = incidents
            .Where(i => i.OpenedAt >= recording.ObservedFrom && i.OpenedAt < recording.ObservedTo)
            .Where(i => !recording.Runs.Any(r => i.OpenedAt >= r.InjectedAt && i.OpenedAt < r.SettledAt))
            .ToList();
        var byFault = results.GroupBy(r => r.Run.Case.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ChaosSummary.Of([.. g]), StringComparer.Ordinal);
        return new ChaosEvaluation(recording.Seed, results, ChaosSummary.Of(results), byFault, quiet, QuietTime(recording), recording.StoppedBecause);
    }

    /// <summary>The observed time outside every case's window (windows clipped to the observation, overlaps counted once).</summary>
    private static TimeSpan QuietTime(ChaosRecording recording)
    {
        var busy = TimeSpan.Zero;
        var covered = recording.ObservedFrom;
        foreach (var run in recording.Runs.OrderBy(r => r.InjectedAt))
        {
            var from = run.InjectedAt > covered ? run.InjectedAt : covered;
            var to = run.SettledAt < recording.ObservedTo ? run.SettledAt : recording.ObservedTo;
            if (to > from)
            {
                busy += to - from;
                covered = to;
            }
        }

        var observed = recording.ObservedTo - recording.ObservedFrom;
        return observed > busy ? observed - busy : TimeSpan.Zero;
    }
}
