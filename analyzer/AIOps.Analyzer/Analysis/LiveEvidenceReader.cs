using System.Text.Json;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;
using AIOps.Analyzer.Signals;
using AIOps.Collector.Storage;

namespace AIOps.Analyzer.Analysis;

/// <summary>
/// Gathers an incident's <see cref="IncidentEvidence"/> from the live store: the spans of the baseline window before
/// the anomaly and of the incident window from it, each service's indicators over both at the analysis' 10-second
/// step, and the changes in that time, recorded by the change sources or read from instances appearing in the spans.
/// Safe from any thread: it reads the store and leaves the analysis' state alone.
/// </summary>
public sealed class LiveEvidenceReader(TelemetryStore store, IndicatorReader indicators, IEnumerable<IChangeEventSource> changeSources, AnalysisOptions options, TimeProvider time)
{
    private const long StepMs = IndicatorReader.StepMs;

    /// <summary>A change read from telemetry within this of a recorded change to the same service is that change.</summary>
    private const long SameChangeMs = 60_000;

    /// <summary>An instance seen only this close to the start of the baseline may have been there all along, just quiet.</summary>
    private static readonly long s_instanceGraceNanos = TimeSpan.FromMinutes(1).Ticks * 100;

    private readonly IReadOnlyList<IChangeEventSource> _changeSources = [.. changeSources];

    /// <summary>The spans that started in [fromMs, toMs), at most <see cref="AnalysisOptions.RootCauseMaxSpans"/>.</summary>
    public SpanWindow ReadSpans(long fromMs, long toMs)
    {
        var converter = new RcaSpanConverter();
        var sample = store.ReadSpans(fromMs * 1_000_000, toMs * 1_000_000, options.RootCauseMaxSpans, converter.Convert);
        return new SpanWindow(fromMs, toMs, sample.Spans, converter.Instances(), sample.Matched);
    }

    /// <summary>The baseline window of an anomaly: the <see cref="AnalysisOptions.RootCauseBaseline"/> before it. It does not change, so callers may keep it.</summary>
    public SpanWindow ReadBaseline(long anomalyStartMs) =>
        ReadSpans(anomalyStartMs - (long)options.RootCauseBaseline.TotalMilliseconds, anomalyStartMs);

    /// <summary>
    /// The evidence of an anomaly that started at <paramref name="anomalyStartMs"/>, as of now: the incident window runs
    /// from it to now, or to <paramref name="anomalyEndMs"/> once the anomaly is over (what follows it is normal traffic
    /// that would only dilute it), at most <see cref="AnalysisOptions.RootCauseWindow"/>; <paramref name="baseline"/> is
    /// the window <see cref="ReadBaseline"/> gave (read once per incident: it is the expensive half that never changes).
    /// </summary>
    public IncidentEvidence Read(long anomalyStartMs, SpanWindow baseline, long? anomalyEndMs = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var endMs = Math.Clamp(Math.Min(nowMs, anomalyEndMs ?? nowMs), anomalyStartMs, anomalyStartMs + (long)options.RootCauseWindow.TotalMilliseconds);
        var incident = ReadSpans(anomalyStartMs, endMs);

        // Indicator windows are complete once they have settled, as in the analysis itself.
        var settled = Math.Min(nowMs - (long)options.SettleDelay.TotalMilliseconds, endMs);
        var metrics = Metrics(baseline.FromMs, settled - (settled % StepMs));
        return new IncidentEvidence(anomalyStartMs, baseline.Spans, incident.Spans, metrics, Changes(baseline, incident));
    }

    // Resource metrics only: request rate, errors and latency move along the call graph with the fault, and the
    // spans already carry them per operation, with each service's own part told from its callees'.
    private List<MetricSeries> Metrics(long fromMs, long toMs) =>
        toMs <= fromMs
            ? []
            : [.. indicators.ReadServices(fromMs, toMs)
                .Where(s => s.Key.Indicator is Indicator.Cpu or Indicator.Memory or Indicator.ThreadPoolQueue)
                .GroupBy(s => (s.Key.Service, s.Key.Indicator))
                .Select(g => new MetricSeries(
                    g.Key.Service,
                    JsonNamingPolicy.SnakeCaseLower.ConvertName(g.Key.Indicator.ToString()),
                    [.. g.OrderBy(s => s.TimeMs).Select(s => new MetricPoint(s.TimeMs, s.Value))],
                    ScaleFloor: IndicatorReader.ScaleFloor(g.Key.Indicator)))
                .Concat(indicators.ReadInstanceResources(fromMs, toMs))];

    private List<ChangeEvent> Changes(SpanWindow baseline, SpanWindow incident)
    {
        var recorded = _changeSources.SelectMany(source => source.Between(baseline.FromMs, incident.ToMs)).ToList();
        var sightings = baseline.Instances.Concat(incident.Instances)
            .GroupBy(s => (s.Service, s.Instance))
            .Select(g => new InstanceSighting(g.Key.Service, g.Key.Instance, g.Min(s => s.FirstNanos), g.Max(s => s.LastNanos)))
            .ToList();
        var read = InstanceChanges.Detect(sightings, baseline.FromMs * 1_000_000, s_instanceGraceNanos)
            .Where(c => !recorded.Any(r => r.Service == c.Service && Math.Abs(r.TimeMs - c.TimeMs) <= SameChangeMs));
        return [.. recorded.Concat(read).OrderBy(c => c.TimeMs)];
    }
}
