using System.Runtime.CompilerServices;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>The dataset's traces: the spans of a window, streamed from the per-minute files that may hold them.</summary>
public sealed partial class NezhaDataset
{
    /// <summary>
    /// The spans of the case's day that start in [<paramref name="fromMs"/>, <paramref name="toMs"/>), from the fault
    /// and the fault-free folders alike, each once (some files overlap), in file order: not sorted by time.
    /// </summary>
    public IEnumerable<NezhaSpan> Spans(NezhaCase @case, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return Distinct(TraceFiles(@case.Day, fromMs, toMs).SelectMany(NezhaTraceCsv.ReadFile), fromMs, toMs);
    }

    /// <summary>The spans of <see cref="Spans"/>, read asynchronously.</summary>
    public async IAsyncEnumerable<NezhaSpan> SpansAsync(NezhaCase @case, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var seen = new HashSet<(string, string)>();
        foreach (var file in TraceFiles(@case.Day, fromMs, toMs))
        {
            await foreach (var span in NezhaTraceCsv.ReadFileAsync(file, cancellationToken))
            {
                if (span.StartMs >= fromMs && span.StartMs < toMs && seen.Add((span.TraceId, span.SpanId)))
                {
                    yield return span;
                }
            }
        }
    }

    /// <summary>Every span of the fault-free phase of the case's day (<c>construct_data/&lt;day&gt;/trace</c>): a few minutes.</summary>
    public IEnumerable<NezhaSpan> FaultFreeSpans(NezhaCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var files = NezhaTraceFiles.All([Path.Combine(Root, FaultFreeFolder, @case.Day, TraceFolderName)], @case.Day);
        return Distinct(files.SelectMany(NezhaTraceCsv.ReadFile), long.MinValue, long.MaxValue);
    }

    private IReadOnlyList<string> TraceFiles(string day, long fromMs, long toMs) => NezhaTraceFiles.Covering(
        [Path.Combine(Root, FaultFolder, day, TraceFolderName), Path.Combine(Root, FaultFreeFolder, day, TraceFolderName)], day, fromMs, toMs);

    private static IEnumerable<NezhaSpan> Distinct(IEnumerable<NezhaSpan> spans, long fromMs, long toMs)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var span in spans)
        {
            if (span.StartMs >= fromMs && span.StartMs < toMs && seen.Add((span.TraceId, span.SpanId)))
            {
                yield return span;
            }
        }
    }
}
