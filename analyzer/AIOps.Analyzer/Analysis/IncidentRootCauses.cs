using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Ranks the root causes of open incidents while they are young: as soon as one opens, then every
/// <see cref="AnalysisOptions.RootCauseInterval"/> until it is <see cref="AnalysisOptions.RootCauseRerankFor"/> old,
/// as its incident window fills. The evidence is read outside the analysis' lock and only the result is attached
/// through <see cref="AnalysisEngine.AttachCauses"/>. One incident failing is logged and the others go on.
/// </summary>
public sealed class IncidentRootCauses(AnalysisEngine engine, IncidentStore incidents, LiveEvidenceReader evidence, AnalysisOptions options, TimeProvider time, ILogger<IncidentRootCauses> logger)
{
    // What an incident keeps: its record is saved whenever it changes, so the tail of weak suspects stays out.
    private const int MaxCauses = 10;
    private const int MaxEvidence = 8;
    private const int MaxExampleTraces = 3;

    private readonly RootCauseAnalyzer _analyzer = new();
    private readonly Dictionary<(string Id, long StartMs), SpanWindow> _baselines = [];
    private readonly Dictionary<string, DateTimeOffset> _failedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Ranks every open incident that is due (see <see cref="IsDue"/>); returns them as saved with their causes.</summary>
    public IReadOnlyList<Incident> RankDue()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var open = incidents.List(IncidentStatus.Open, 0, long.MaxValue, 1000);
            Forget(open);
            var ranked = new List<Incident>();
            foreach (var incident in open.Where(i => IsDue(i, now) && !(_failedAt.TryGetValue(i.Id, out var failed) && now - failed < options.RootCauseInterval)))
            {
                try
                {
                    if (Rank(incident, now) is { } saved)
                    {
                        ranked.Add(saved);
                    }

                    _failedAt.Remove(incident.Id);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _failedAt[incident.Id] = now;
                    AnalysisLog.RankingFailed(logger, incident.Id, exception);
                }
            }

            return ranked;
        }
    }

    /// <summary>
    /// Whether an open incident is to be ranked now: never ranked yet, or last ranked at least an interval ago and,
    /// at that time, younger than the re-ranking period.
    /// </summary>
    public bool IsDue(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status == IncidentStatus.Open
            && (incident.CausesRankedAt is not { } ranked
                || (ranked - incident.OpenedAt < options.RootCauseRerankFor && now - ranked >= options.RootCauseInterval));
    }

    private Incident? Rank(Incident incident, DateTimeOffset now)
    {
        var started = time.GetTimestamp();

        // The anomaly began with the incident's first signal, which may be well before the incident opened.
        var startMs = incident.Signals.Count > 0 ? incident.Signals.Min(s => s.StartedAt).ToUnixTimeMilliseconds() : incident.OpenedAt.ToUnixTimeMilliseconds();
        if (!_baselines.TryGetValue((incident.Id, startMs), out var baseline))
        {
            baseline = evidence.ReadBaseline(startMs);
            _baselines[(incident.Id, startMs)] = baseline;
        }

        // Once every signal has ended the anomaly is over: later traffic is normal, and would dilute it until nothing
        // stood out (a 70 s slowdown is under a tenth of a six-minute window's spans).
        var endMs = incident.Signals.Count > 0 && incident.Signals.All(s => s.EndedAt is not null)
            ? incident.Signals.Max(s => s.EndedAt!.Value).ToUnixTimeMilliseconds()
            : (long?)null;
        var read = evidence.Read(startMs, baseline, endMs);
        List<RankedCause> causes = [.. _analyzer.Rank(read).Take(MaxCauses).Select(Trim)];
        var saved = engine.AttachCauses(incident.Id, causes, now);
        AnalysisLog.CausesRanked(
            logger,
            incident.Id,
            causes.Count > 0 ? $"{causes[0].Service} ({causes[0].Indicator})" : "nothing",
            causes.Count,
            read.BaselineSpans.Count,
            read.IncidentSpans.Count,
            baseline.Spans.Count < baseline.Matched ? " (sampled)" : string.Empty,
            (long)time.GetElapsedTime(started).TotalMilliseconds);
        return saved;
    }

    // Baselines are kept only while their incident may still be ranked again.
    private void Forget(IReadOnlyList<Incident> open)
    {
        var live = open.Where(i => i.CausesRankedAt is not { } ranked || ranked - i.OpenedAt < options.RootCauseRerankFor).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _baselines.Keys.Where(k => !live.Contains(k.Id)).ToList())
        {
            _baselines.Remove(key);
        }

        foreach (var id in _failedAt.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _failedAt.Remove(id);
        }
    }

    private static RankedCause Trim(RankedCause cause) => cause with
    {
        Score = Finite(cause.Score),
        Evidence = [.. cause.Evidence.Take(MaxEvidence).Select(e => e with
        {
            Baseline = Finite(e.Baseline),
            Incident = Finite(e.Incident),
            Score = Finite(e.Score),
            ExampleTraceIds = [.. e.ExampleTraceIds.Take(MaxExampleTraces)],
        })],
    };

    // JSON has no NaN or infinity; the API rounds like the signals' values.
    private static double Finite(double value) =>
        double.IsNaN(value) ? 0 : Math.Round(Math.Clamp(value, double.MinValue, double.MaxValue), 4);
}
