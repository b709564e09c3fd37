namespace AIOps.Analyzer.Incidents;

/// <summary>Where an incident is in its life.</summary>
public enum IncidentStatus
{
    Open,
    Resolved,
}
