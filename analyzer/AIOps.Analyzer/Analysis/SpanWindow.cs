using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Analysis;

/// <summary>The spans that started in one window, read for root-cause ranking, and the instances they came from.</summary>
/// <param name="FromMs">The window's start, unix milliseconds.</param>
/// <param name="ToMs">Its end (exclusive).</param>
/// <param name="Spans">The spans read: all of them, or a sample of whole traces above the bound.</param>
/// <param name="Instances">Where each instance was first and last seen among them.</param>
/// <param name="Matched">How many spans started in the window; more than <c>Spans.Count</c> when sampled.</param>
public sealed record SpanWindow(long FromMs, long ToMs, IReadOnlyList<RcaSpan> Spans, IReadOnlyList<InstanceSighting> Instances, long Matched);
