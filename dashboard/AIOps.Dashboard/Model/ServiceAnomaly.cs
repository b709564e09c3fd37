using AIOps.Analyzer.Incidents;
using AIOps.Analyzer.Signals;
using AIOps.Dashboard.Model.Charts;

namespace AIOps.Dashboard.Model;

/// <summary>An anomaly the analyzer found on a service: a signal, and the incident it belongs to when it does.</summary>
public sealed record ServiceAnomaly(IncidentSignal Signal, string? IncidentId)
{
    /// <summary>Which of the service page's charts shows it: rate, errors or latency; null: all of them (CPU, memory, queue).</summary>
    public string? Chart => Signal.Indicator switch
    {
        Indicator.RequestRate => "rate",
        Indicator.ErrorRate => "errors",
        Indicator.LatencyP95 or Indicator.LatencyP99 => "latency",
        _ => null,
    };

    public ChartMarker Marker() => new(Signal.StartedAt, Signal.EndedAt, Signal.Text, IncidentId is null ? "warn" : "bad");

    /// <summary>
    /// The anomalies of <paramref name="service"/> that overlap [from, to]: the signals on it of the incidents given,
    /// and the analyzer's signals in progress that no incident holds yet; oldest first. Pure.
    /// </summary>
    public static IReadOnlyList<ServiceAnomaly> For(string service, IReadOnlyList<Incident> incidents, IReadOnlyList<Signal> active, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(active);
        var held = incidents.SelectMany(i => i.Signals.Where(s => string.Equals(s.Service, service, StringComparison.Ordinal)).Select(s => new ServiceAnomaly(s, i.Id)));
        var loose = active.Where(s => string.Equals(s.Key.Service, service, StringComparison.Ordinal)).Select(s => new ServiceAnomaly(IncidentSignal.From(s), null));
        return [.. held.Concat(loose)
            .Where(a => a.Signal.StartedAt <= to && (a.Signal.EndedAt ?? to) >= from)
            .DistinctBy(a => (a.Signal.Indicator, a.Signal.Operation, a.Signal.StartedAt))
            .OrderBy(a => a.Signal.StartedAt)];
    }
}
