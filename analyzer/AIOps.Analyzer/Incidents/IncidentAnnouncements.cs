namespace AIOps.Analyzer.Incidents;

/// <summary>
/// Which open incidents' opening has been told (in the log): an incident changes many times while it is open, and its
/// opening is news once. An incident is forgotten when it resolves, so only open ones are held.
/// </summary>
public sealed class IncidentAnnouncements
{
    private readonly HashSet<string> _told = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="incident"/> is open and its opening has not been told yet; marks it told.</summary>
    public bool Opened(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status != IncidentStatus.Resolved && _told.Add(incident.Id);
    }

    /// <summary>True when <paramref name="incident"/> has resolved: its resolution is news, and it is forgotten.</summary>
    public bool Resolved(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status != IncidentStatus.Resolved)
        {
            return false;
        }

        _told.Remove(incident.Id);
        return true;
    }
}
