namespace AIOps.Collector.Model;

/// <summary>One log record, as stored and as the query API returns it.</summary>
public sealed class LogData
{
    public required TelemetryResource Resource { get; init; }

    public required InstrumentationScope Scope { get; init; }

    public long TimeUnixNano { get; init; }

    public long ObservedTimeUnixNano { get; init; }

    /// <summary>OTLP severity number: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.</summary>
    public int SeverityNumber { get; init; }

    public string? SeverityText { get; init; }

    public string Body { get; init; } = string.Empty;

    public IReadOnlyList<KeyValue> Attributes { get; init; } = [];

    public TraceId TraceId { get; init; }

    public SpanId SpanId { get; init; }

    public uint Flags { get; init; }

    public string? EventName { get; init; }

    /// <summary>The time to order by: the event time, else when the SDK observed it.</summary>
    public long EffectiveTimeUnixNano => TimeUnixNano != 0 ? TimeUnixNano : ObservedTimeUnixNano;
}
