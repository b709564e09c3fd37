using System.Globalization;
using AIOps.Collector.Model;

namespace AIOps.Collector.Query;

/// <summary>A log record as the query API returns it.</summary>
public sealed record LogView(
    string TimeUnixNano,
    DateTimeOffset Time,
    int SeverityNumber,
    string? SeverityText,
    string Body,
    string Service,
    string? Instance,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, object?> Attributes)
{
    public static LogView From(LogData log) => new(
        log.EffectiveTimeUnixNano.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset.UnixEpoch.AddTicks(log.EffectiveTimeUnixNano / 100),
        log.SeverityNumber,
        log.SeverityText,
        log.Body,
        log.Resource.Service,
        log.Resource.Instance.Length == 0 ? null : log.Resource.Instance,
        log.TraceId.IsEmpty ? null : log.TraceId.ToString(),
        log.SpanId.IsEmpty ? null : log.SpanId.ToString(),
        SpanView.Map(log.Attributes));
}
