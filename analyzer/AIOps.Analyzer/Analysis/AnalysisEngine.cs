using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Collector.Storage;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// The live analysis: each run reads the 10-second windows that have settled since the last run, feeds every
/// indicator to its monitor, groups the signal changes into incidents through the call graph, and saves the
/// incidents that changed. The first run replays recent history so that detectors start warm. One caller at a time.
/// </summary>
public sealed class AnalysisEngine
{
    private const long StepMs = IndicatorReader.StepMs;
    private static readonly TimeSpan s_graphWindow = TimeSpan.FromMinutes(15);

    private readonly TelemetryStore _store;
    private readonly IndicatorReader _reader;
    private readonly IncidentStore _incidents;
    private readonly AnalysisOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AnalysisEngine> _logger;
    private readonly Dictionary<IndicatorKey, IndicatorMonitor> _monitors = [];
    private readonly IncidentCorrelator _correlator;
    private readonly IncidentAnnouncements _announced = new();
    private readonly Lock _gate = new();
    private long _doneUpToMs;
    private DateTimeOffset? _lastRunAt;

    public AnalysisEngine(TelemetryStore store, IndicatorReader reader, IncidentStore incidents, AnalysisOptions options, TimeProvider time, ILogger<AnalysisEngine> logger)
    {
        (_store, _reader, _incidents, _options, _time, _logger) = (store, reader, incidents, options, time, logger);
        _correlator = new IncidentCorrelator(options.GroupWindow, options.ResolveAfter, _ => Guid.CreateVersion7(_time.GetUtcNow()).ToString("N")[..16]);
        foreach (var open in incidents.List(IncidentStatus.Open, 0, long.MaxValue, 1000))
        {
            _correlator.Resume(open);
        }
    }

    /// <summary>The signals in progress.</summary>
    public IReadOnlyList<Signal> ActiveSignals()
    {
        lock (_gate)
        {
            return [.. _monitors.Values.Select(m => m.Active).OfType<Signal>().OrderBy(s => s.StartedMs)];
        }
    }

    /// <summary>How far the analysis has got and how many indicators it watches, warm or still learning.</summary>
    public AnalysisStatus Status()
    {
        lock (_gate)
        {
            return new AnalysisStatus(
                _lastRunAt,
                _doneUpToMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(_doneUpToMs),
                _monitors.Count,
                _monitors.Values.Count(m => m.Steps >= _options.WarmUpSteps),
                _monitors.Values.Count(m => m.Active is not null));
        }
    }

    /// <summary>
    /// Attaches ranked root causes to an incident and saves it: through the correlator while it is open, so that the
    /// analysis' later saves keep them, or onto the stored record once it has resolved. Null when there is no such
    /// incident. Holds the analysis' lock for the save only: the ranking is done before.
    /// </summary>
    public Incident? AttachCauses(string id, IReadOnlyList<RankedCause> causes, DateTimeOffset rankedAt)
    {
        ArgumentNullException.ThrowIfNull(causes);
        lock (_gate)
        {
            var incident = _correlator.AttachCauses(id, causes, rankedAt)
                ?? (_incidents.Get(id) is { } stored ? stored with { Causes = causes, CausesRankedAt = rankedAt } : null);
            if (incident is not null)
            {
                _incidents.Save([incident]);
            }

            return incident;
        }
    }

    /// <summary>Analyses every window settled since the last run; returns the incidents that changed.</summary>
    public IReadOnlyList<Incident> RunOnce()
    {
        lock (_gate)
        {
            _lastRunAt = _time.GetUtcNow();
            var nowMs = _lastRunAt.Value.ToUnixTimeMilliseconds();
            var settled = nowMs - (long)_options.SettleDelay.TotalMilliseconds;
            // Every window that ended by then: the one starting at upTo - StepMs is the last complete one.
            var upTo = settled - (settled % StepMs);
            var replay = _doneUpToMs == 0;
            var from = replay ? upTo - (long)_options.Backfill.TotalMilliseconds : _doneUpToMs;
            if (upTo <= from)
            {
                return [];
            }

            var samples = _reader.Read(from, upTo);
            _doneUpToMs = upTo;
            var graph = new CallGraph(_store.Edges((nowMs - (long)s_graphWindow.TotalMilliseconds) * 1_000_000, nowMs * 1_000_000).Select(e => (e.Caller, e.Callee)));
            var changed = new List<Incident>();
            foreach (var step in samples.GroupBy(s => s.TimeMs))
            {
                var changes = step.Select(Observe).OfType<SignalChange>().ToList();

                // History replayed at start only warms the monitors: what ended then is not news.
                if (!replay)
                {
                    Merge(changed, _correlator.Apply(changes, graph.Linked, step.Key + StepMs));
                }
            }

            if (replay)
            {
                // What is still going on after the replay is news (or the continuation of an incident left open).
                var ongoing = _monitors.Values.Select(m => m.Active).OfType<Signal>().Select(s => new SignalChange(SignalChangeKind.Started, s)).ToList();
                Merge(changed, _correlator.Apply(ongoing, graph.Linked, upTo));
                AnalysisLog.Backfilled(_logger, samples.Select(s => s.TimeMs).Distinct().Count(), _monitors.Count);
            }

            Merge(changed, _correlator.Apply([], graph.Linked, upTo));

            _incidents.Save(changed);
            Report(changed);
            return changed;
        }
    }

    private SignalChange? Observe(IndicatorSample sample)
    {
        if (!_monitors.TryGetValue(sample.Key, out var monitor))
        {
            monitor = new IndicatorMonitor(sample.Key, _options.Rules(), _options.Detector(), _options.BaselineSteps, _options.ClearSteps, _options.ConfirmSteps, (int)(_options.Season.TotalMilliseconds / StepMs), StepMs);
            _monitors[sample.Key] = monitor;
        }

        return monitor.Observe(sample.TimeMs, sample.Value);
    }

    private static void Merge(List<Incident> changed, IReadOnlyList<Incident> incidents)
    {
        foreach (var incident in incidents)
        {
            changed.RemoveAll(i => i.Id == incident.Id);
            changed.Add(incident);
        }
    }

    private void Report(IReadOnlyList<Incident> changed)
    {
        foreach (var incident in changed)
        {
            if (_announced.Resolved(incident) && incident.ResolvedAt is { } resolved)
            {
                AnalysisLog.IncidentResolved(_logger, incident.Id, (resolved - incident.OpenedAt).TotalMinutes);
            }
            else if (_announced.Opened(incident))
            {
                AnalysisLog.IncidentOpened(_logger, incident.Id, incident.Title);
            }
        }
    }
}
