using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaEvidenceTests
{
    private static NezhaSpan Span(string trace, string id, string? parent, string service, string operation) =>
        new(trace, id, parent, service, service + "-5c9d-x7k2p", operation, 1_000, 3_000);

    [Fact]
    public void ToRca_SpanWithAnErrorDispatchChild_IsMarkedFailed()
    {
        var spans = ToRca(
            Span("t1", "a", null, "ts-gateway", "POST /api/v1/orders"),
            Span("t1", "b", "a", "ts-order-service", "OrderController.create"),
            Span("t1", "c", "b", "ts-order-service", "BasicErrorController.error"),
            Span("t2", "b", null, "ts-order-service", "OrderController.create"));

        spans.Select(s => (s.TraceId, s.SpanId, s.IsError)).Should().Equal(("t1", "a", false), ("t1", "b", true), ("t1", "c", false), ("t2", "b", false));
    }

    [Fact]
    public void ToRca_ErrorDispatchAsARoot_MarksNothing()
    {
        ToRca(Span("t1", "a", null, "ts-auth-service", "BasicErrorController.error")).Should().OnlyContain(s => !s.IsError);
    }

    [Fact]
    public void ToRca_Span_KeepsItsPlaceServiceOperationAndTimes()
    {
        ToRca(Span("t1", "b", "a", "ts-order-service", "OrderController.create")).Should().Equal(
            new RcaSpan("t1", "b", "a", "ts-order-service", "OrderController.create", 1_000, 3_000));
    }

    private static IReadOnlyList<RcaSpan> ToRca(params NezhaSpan[] spans) => NezhaEvidence.ToRca(spans);
}
