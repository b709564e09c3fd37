using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>One span of a trace's waterfall, in tree order.</summary>
/// <param name="Span">The span.</param>
/// <param name="Depth">Its depth in the tree (roots are 0).</param>
/// <param name="Offset">Where its bar starts, as a fraction of the trace (0..1).</param>
/// <param name="Width">How long its bar is, as a fraction of the trace (0..1 - Offset).</param>
/// <param name="StartMs">Its start after the trace's start, in milliseconds.</param>
/// <param name="ServiceIndex">Its service's place in the trace's services, which picks its colour.</param>
/// <param name="ParentMissing">It names a parent that is not among the trace's spans (not received, or in a cycle).</param>
public sealed record WaterfallRow(SpanView Span, int Depth, double Offset, double Width, double StartMs, int ServiceIndex, bool ParentMissing)
{
    public bool IsError => Span.Status == "error";
}
