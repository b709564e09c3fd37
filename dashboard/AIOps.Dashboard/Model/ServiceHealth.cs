using System.Globalization;
using AIOps.Collector.Query;
using AIOps.Dashboard.Model.Charts;

namespace AIOps.Dashboard.Model;

/// <summary>
/// A service's health against its objective: bad when its current error rate or p95 breaks the objective or its error
/// budget over the range is spent; warn when they come close, the budget runs low, it went silent, or an incident
/// about it is open; ok otherwise. Pure: the overview, the service page and the map compute it the same way.
/// </summary>
/// <param name="State">Ok, warn or bad.</param>
/// <param name="BudgetLeft">The share of the range's error budget left (below 0 when overspent); null without requests.</param>
/// <param name="Reasons">Why it is not ok, worst first; empty when ok.</param>
public sealed record ServiceHealth(HealthState State, double? BudgetLeft, IReadOnlyList<string> Reasons)
{
    /// <summary>An error rate above this share of the allowed one is a warning.</summary>
    public const double ErrorWarnShare = 0.5;

    /// <summary>A p95 above this share of the objective is a warning.</summary>
    public const double LatencyWarnShare = 0.8;

    /// <summary>Less error budget left than this share is a warning.</summary>
    public const double LowBudget = 0.25;

    /// <summary>The state's CSS class: ok, warn or bad.</summary>
    public string Css => Class(State);

    public static string Class(HealthState state) => state switch
    {
        HealthState.Bad => "bad",
        HealthState.Warn => "warn",
        _ => "ok",
    };

    /// <summary>
    /// The error budget left over a range: the budget is the errors the objective allows, (1 - availability) times the
    /// requests; what is left is 1 - errors / budget. Null without requests.
    /// </summary>
    public static double? Budget(ServiceObjective objective, long requests, long errors) =>
        requests <= 0 ? null : 1 - (errors / objective.ErrorBudget(requests));

    /// <summary>How calls with this error rate and p95 stand against <paramref name="objective"/> (for the map's edges).</summary>
    public static HealthState OfCalls(ServiceObjective objective, double errorRate, double? p95Ms) =>
        CallChecks(objective, errorRate, p95Ms).Select(c => c.State).DefaultIfEmpty(HealthState.Ok).Max();

    /// <summary>
    /// The health of a service from its <paramref name="current"/> RED (the last few minutes), the
    /// <paramref name="requests"/> and <paramref name="errors"/> of the whole range, and whether an incident about it
    /// is open.
    /// </summary>
    public static ServiceHealth Evaluate(ServiceObjective objective, RedPoint current, long requests, long errors, bool openIncident)
    {
        ArgumentNullException.ThrowIfNull(current);
        var checks = new List<(HealthState State, string Reason)>();
        if (current.Requests > 0)
        {
            checks.AddRange(CallChecks(objective, current.ErrorRate, current.P95Ms));
        }
        else if (requests > 0)
        {
            checks.Add((HealthState.Warn, string.Create(CultureInfo.InvariantCulture, $"no requests in the last {TelemetryQueries.CurrentWindow.TotalMinutes:0} minutes")));
        }

        var left = Budget(objective, requests, errors);
        if (left <= 0)
        {
            checks.Add((HealthState.Bad, string.Create(CultureInfo.InvariantCulture, $"error budget spent: {errors} errors against {objective.ErrorBudget(requests):0.#} allowed")));
        }
        else if (left < LowBudget)
        {
            checks.Add((HealthState.Warn, $"only {ChartAxis.Format(left, "%")} of the error budget left"));
        }

        if (openIncident)
        {
            checks.Add((HealthState.Warn, "open incident"));
        }

        var state = checks.Select(c => c.State).DefaultIfEmpty(HealthState.Ok).Max();
        return new ServiceHealth(state, left, [.. checks.OrderByDescending(c => c.State).Select(c => c.Reason)]);
    }

    private static IEnumerable<(HealthState State, string Reason)> CallChecks(ServiceObjective objective, double errorRate, double? p95Ms)
    {
        var allowed = objective.AllowedErrorRate;
        if (errorRate > allowed)
        {
            yield return (HealthState.Bad, $"error rate {ChartAxis.Format(errorRate, "%")} above the objective's {ChartAxis.Format(allowed, "%")}");
        }
        else if (errorRate > allowed * ErrorWarnShare)
        {
            yield return (HealthState.Warn, $"error rate {ChartAxis.Format(errorRate, "%")} close to the objective's {ChartAxis.Format(allowed, "%")}");
        }

        if (p95Ms is not { } p95)
        {
            yield break;
        }

        if (p95 > objective.LatencyP95Ms)
        {
            yield return (HealthState.Bad, $"p95 {ChartAxis.Format(p95, "ms")} above the objective's {ChartAxis.Format(objective.LatencyP95Ms, "ms")}");
        }
        else if (p95 > objective.LatencyP95Ms * LatencyWarnShare)
        {
            yield return (HealthState.Warn, $"p95 {ChartAxis.Format(p95, "ms")} close to the objective's {ChartAxis.Format(objective.LatencyP95Ms, "ms")}");
        }
    }
}
