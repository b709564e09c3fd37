using AIOps.Analyzer.Signals;

namespace AIOps.Analyzer.Incidents;

/// <summary>One signal of an incident, as the API shows it.</summary>
public sealed record IncidentSignal(
    string Service,
    string? Operation,
    Indicator Indicator,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double Baseline,
    double Peak,
    double Last,
    double Score,
    string? Driver,
    string Text)
{
    public static IncidentSignal From(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new IncidentSignal(
            signal.Key.Service,
            signal.Key.Operation,
            signal.Key.Indicator,
            DateTimeOffset.FromUnixTimeMilliseconds(signal.StartedMs),
            signal.EndedMs is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null,
            Math.Round(signal.Baseline, 4),
            Math.Round(signal.Peak, 4),
            Math.Round(signal.Last, 4),
            Math.Round(signal.Score, 4),
            signal.Driver,
            SignalText.Describe(signal));
    }
}
