using AIOps.Analyzer.Incidents;
using AIOps.Collector.Aggregation;
using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>
/// A service as the overview lists it and the map draws it: its current RED, the requests and errors of the whole
/// range, the objective it is held to, its health, and the open incidents about it.
/// </summary>
public sealed record ServiceStatus(
    ServiceOverview Service,
    long Requests,
    long Errors,
    ServiceObjective Objective,
    ServiceHealth Health,
    IReadOnlyList<Incident> OpenIncidents)
{
    public string Name => Service.Name;

    /// <summary>
    /// The status of each of <paramref name="services"/>, from the range's RED <paramref name="windows"/> (of every
    /// service) and the open incidents. Pure.
    /// </summary>
    public static IReadOnlyList<ServiceStatus> Build(
        IReadOnlyList<ServiceOverview> services,
        IReadOnlyList<RedWindow> windows,
        IReadOnlyList<Incident> openIncidents,
        ServiceObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(openIncidents);
        ArgumentNullException.ThrowIfNull(objectives);
        var totals = windows.GroupBy(w => w.Service, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Requests: g.Sum(w => w.Count), Errors: g.Sum(w => w.Errors)), StringComparer.Ordinal);
        return [.. services.Select(service =>
        {
            var (requests, errors) = totals.GetValueOrDefault(service.Name);
            var objective = objectives.For(service.Name);
            var incidents = openIncidents.Where(i => i.Services.Contains(service.Name, StringComparer.Ordinal)).ToList();
            var health = ServiceHealth.Evaluate(objective, service.Red, requests, errors, incidents.Count > 0);
            return new ServiceStatus(service, requests, errors, objective, health, incidents);
        })];
    }
}
