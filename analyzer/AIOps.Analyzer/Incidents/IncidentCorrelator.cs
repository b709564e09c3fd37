using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Incidents;

/// <summary>
/// Groups signal changes into incidents. A signal that starts joins the most recent open incident that is still
/// active or was active within the grouping window and that holds its service or a service linked to it in the
/// dependency graph; otherwise it opens a new incident. An incident resolves once none of its signals has been
/// active for the resolve delay. Signals that start in the same step are taken best-connected first, so that they
/// group through the service that links them. Pure: changes, links and the time in; the incidents that changed out.
/// </summary>
public sealed class IncidentCorrelator(TimeSpan groupWindow, TimeSpan resolveAfter, Func<long, string> newId)
{
    private readonly List<WorkingIncident> _open = [];

    /// <summary>Incidents still open.</summary>
    public int OpenCount => _open.Count;

    /// <summary>Takes back an incident left open before a restart; its signals count as ended when it was saved.</summary>
    public void Resume(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status == IncidentStatus.Open)
        {
            _open.Add(WorkingIncident.Resume(incident));
        }
    }

    /// <summary>Attaches ranked root causes to an open incident; returns it as changed, or null when it is not open.</summary>
    public Incident? AttachCauses(string id, IReadOnlyList<RankedCause> causes, DateTimeOffset rankedAt)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var incident = _open.FirstOrDefault(i => i.Id == id);
        incident?.AttachCauses(causes, rankedAt);
        return incident?.Snapshot();
    }

    /// <param name="changes">This step's signal changes.</param>
    /// <param name="linked">Whether two services call each other (either way) in the recent dependency graph.</param>
    /// <param name="nowMs">The time of the step.</param>
    public IReadOnlyList<Incident> Apply(IReadOnlyList<SignalChange> changes, Func<string, string, bool> linked, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(linked);
        var changed = new List<WorkingIncident>();
        foreach (var change in HubsFirst(changes, linked))
        {
            var incident = change.Kind == SignalChangeKind.Started
                ? Join(change.Signal, linked, nowMs)
                : _open.FirstOrDefault(i => i.Holds(change.Signal));
            if (incident is null)
            {
                continue;
            }

            incident.Apply(change, nowMs);
            if (!changed.Contains(incident))
            {
                changed.Add(incident);
            }
        }

        var resolveBefore = nowMs - (long)resolveAfter.TotalMilliseconds;
        foreach (var incident in _open.Where(i => !i.HasActiveSignal && i.LastActivityMs <= resolveBefore).ToList())
        {
            incident.Resolve(nowMs);
            _open.Remove(incident);
            if (!changed.Contains(incident))
            {
                changed.Add(incident);
            }
        }

        return [.. changed.Select(i => i.Snapshot())];
    }

    // Signals that start together join up through the one linked to most of the others: order before its callees
    // user and payment, which are not linked to each other and would otherwise open an incident each.
    private static IEnumerable<SignalChange> HubsFirst(IReadOnlyList<SignalChange> changes, Func<string, string, bool> linked)
    {
        var started = changes.Where(c => c.Kind == SignalChangeKind.Started).Select(c => c.Signal.Key.Service).Distinct().ToList();
        return changes.OrderBy(c => c.Kind == SignalChangeKind.Started ? -started.Count(s => s != c.Signal.Key.Service && linked(s, c.Signal.Key.Service)) : int.MinValue);
    }

    private WorkingIncident Join(Signal signal, Func<string, string, bool> linked, long nowMs)
    {
        var groupFrom = nowMs - (long)groupWindow.TotalMilliseconds;
        var service = signal.Key.Service;
        var incident = _open
            .Where(i => (i.HasActiveSignal || i.LastActivityMs >= groupFrom) && i.Services.Any(s => s == service || linked(s, service)))
            .MaxBy(i => i.LastActivityMs);
        if (incident is null)
        {
            incident = new WorkingIncident(newId(nowMs), nowMs);
            _open.Add(incident);
        }

        return incident;
    }
}
