using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Incidents;

/// <summary>An open incident while the correlator changes it; <see cref="Snapshot"/> gives the record others see.</summary>
internal sealed class WorkingIncident(string id, long openedMs)
{
    private readonly long _openedMs = openedMs;
    private readonly List<Signal> _signals = [];
    private readonly List<IncidentEvent> _timeline = [];
    private long _updatedMs = openedMs;
    private long? _resolvedMs;
    private string? _title;
    private IReadOnlyList<RankedCause> _causes = [];
    private DateTimeOffset? _causesRankedAt;

    public string Id { get; } = id;

    public List<string> Services { get; } = [];

    public long LastActivityMs { get; private set; } = openedMs;

    public bool HasActiveSignal => _signals.Any(s => s.IsActive);

    public static WorkingIncident Resume(Incident incident)
    {
        var resumed = new WorkingIncident(incident.Id, incident.OpenedAt.ToUnixTimeMilliseconds())
        {
            _title = incident.Title,
            _updatedMs = incident.UpdatedAt.ToUnixTimeMilliseconds(),
            LastActivityMs = incident.UpdatedAt.ToUnixTimeMilliseconds(),
            _causes = incident.Causes,
            _causesRankedAt = incident.CausesRankedAt,
        };
        resumed.Services.AddRange(incident.Services);
        resumed._timeline.AddRange(incident.Timeline);
        resumed._signals.AddRange(incident.Signals.Select(s => new Signal
        {
            Key = new IndicatorKey(s.Service, s.Operation, s.Indicator),
            StartedMs = s.StartedAt.ToUnixTimeMilliseconds(),
            EndedMs = (s.EndedAt ?? incident.UpdatedAt).ToUnixTimeMilliseconds(),
            Baseline = s.Baseline,
            Peak = s.Peak,
            Last = s.Last,
            Score = s.Score,
            Driver = s.Driver,
        }));
        return resumed;
    }

    public bool Holds(Signal signal) => _signals.Any(s => s.Key == signal.Key && s.StartedMs == signal.StartedMs);

    public void Apply(SignalChange change, long nowMs)
    {
        var signal = change.Signal;
        _updatedMs = nowMs;
        LastActivityMs = nowMs;
        var index = _signals.FindIndex(s => s.Key == signal.Key && s.StartedMs == signal.StartedMs);
        if (index >= 0)
        {
            _signals[index] = signal;
        }
        else
        {
            _signals.Add(signal);
        }

        if (!Services.Contains(signal.Key.Service))
        {
            Services.Add(signal.Key.Service);
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        switch (change.Kind)
        {
            case SignalChangeKind.Started when _title is null:
                _title = SignalText.Describe(signal);
                _timeline.Add(new IncidentEvent(at, "opened", _title));
                break;
            case SignalChangeKind.Started:
                _timeline.Add(new IncidentEvent(at, "signal", SignalText.Describe(signal)));
                break;
            case SignalChangeKind.Ended:
                _timeline.Add(new IncidentEvent(at, "cleared", SignalText.Describe(signal)));
                break;
            default:
                break;
        }
    }

    /// <summary>Replaces the ranked causes; ranking is not activity, so the incident's update time stays.</summary>
    public void AttachCauses(IReadOnlyList<RankedCause> causes, DateTimeOffset rankedAt)
    {
        _causes = causes;
        _causesRankedAt = rankedAt;
    }

    public void Resolve(long nowMs)
    {
        _resolvedMs = nowMs;
        _updatedMs = nowMs;
        _timeline.Add(new IncidentEvent(DateTimeOffset.FromUnixTimeMilliseconds(nowMs), "resolved", "every signal back to normal"));
    }

    public Incident Snapshot() => new()
    {
        Id = Id,
        Status = _resolvedMs is null ? IncidentStatus.Open : IncidentStatus.Resolved,
        OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(_openedMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_updatedMs),
        ResolvedAt = _resolvedMs is { } resolved ? DateTimeOffset.FromUnixTimeMilliseconds(resolved) : null,
        Title = _title ?? "(no signal yet)",
        Services = [.. Services],
        Signals = [.. _signals.Select(IncidentSignal.From)],
        Timeline = [.. _timeline],
        Causes = _causes,
        CausesRankedAt = _causesRankedAt,
    };
}
