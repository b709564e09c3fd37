namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// One span of the Nezha TrainTicket traces: an operation of one pod within a trace, with its place in the call
/// tree. Times are unix nanoseconds on the dataset's clock (China wall-clock time labelled as UTC).
/// </summary>
/// <param name="TraceId">The trace the span belongs to.</param>
/// <param name="SpanId">The span's own id, unique within its trace.</param>
/// <param name="ParentId">The calling span's id, or null for the root of the trace.</param>
/// <param name="Service">The service the pod runs, e.g. <c>ts-contacts-service</c>.</param>
/// <param name="Pod">The pod that recorded the span, e.g. <c>ts-contacts-service-866bd68c97-xcqfx</c>.</param>
/// <param name="Operation">What the span did, e.g. an HTTP route or a method name.</param>
/// <param name="StartUnixNano">When the operation began.</param>
/// <param name="EndUnixNano">When the operation ended.</param>
public sealed record NezhaSpan(
    string TraceId,
    string SpanId,
    string? ParentId,
    string Service,
    string Pod,
    string Operation,
    long StartUnixNano,
    long EndUnixNano)
{
    /// <summary>The start in unix milliseconds, the unit of the metrics and of the cases' anomaly starts.</summary>
    public long StartMs => StartUnixNano / 1_000_000;

    /// <summary>How long the operation took.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks((EndUnixNano - StartUnixNano) / 100);
}
