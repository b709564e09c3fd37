namespace AIOps.Collector.Model;

/// <summary>One span, as stored and as the query API returns it.</summary>
public sealed class SpanData
{
    public required TelemetryResource Resource { get; init; }

    public required InstrumentationScope Scope { get; init; }

    public required TraceId TraceId { get; init; }

    public required SpanId SpanId { get; init; }

    public SpanId ParentSpanId { get; init; }

    public string? TraceState { get; init; }

    public required string Name { get; init; }

    public SpanKind Kind { get; init; }

    public long StartUnixNano { get; init; }

    public long EndUnixNano { get; init; }

    public SpanStatus Status { get; init; }

    public string? StatusMessage { get; init; }

    public uint Flags { get; init; }

    public IReadOnlyList<KeyValue> Attributes { get; init; } = [];

    public IReadOnlyList<SpanEvent> Events { get; init; } = [];

    public IReadOnlyList<SpanLink> Links { get; init; } = [];

    public long DurationNanos => Math.Max(0, EndUnixNano - StartUnixNano);

    /// <summary>An entry into a service: a server or consumer span, or a root.</summary>
    public bool IsEntry => Kind is SpanKind.Server or SpanKind.Consumer || ParentSpanId.IsEmpty;

    public bool IsError => Status == SpanStatus.Error;
}
