namespace AIOps.Analyzer.Incidents;

/// <summary>A line of an incident's timeline: opened, signal, cleared, resolved.</summary>
public sealed record IncidentEvent(DateTimeOffset At, string Kind, string Text);
