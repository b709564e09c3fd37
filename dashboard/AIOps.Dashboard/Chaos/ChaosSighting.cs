namespace AIOps.Dashboard.Chaos;

/// <summary>
/// When the driver first saw a case's incident through the API: what an on-call SRE sees, some seconds after the
/// incident's <c>openedAt</c> (the analysis waits for late spans and runs every few seconds).
/// </summary>
/// <param name="IncidentId">The incident the driver saw first.</param>
/// <param name="At">The poll that returned it (within the driver's poll interval of its appearance).</param>
public sealed record ChaosSighting(string IncidentId, DateTimeOffset At);
