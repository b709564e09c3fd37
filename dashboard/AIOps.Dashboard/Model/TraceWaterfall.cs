using System.Globalization;
using AIOps.Collector.Query;

namespace AIOps.Dashboard.Model;

/// <summary>
/// A trace laid out as a waterfall: its spans as a tree (parent before children, children by start), each with its
/// depth and its bar as fractions of the whole trace. Pure. Telemetry is not always whole or consistent: a span whose
/// parent is missing becomes a root, clocks may disagree (a child may start before its parent or end after it: the
/// trace's bounds hold every span), and parent links may loop (the loop is cut at its earliest span).
/// </summary>
public sealed class TraceWaterfall
{
    private TraceWaterfall(IReadOnlyList<WaterfallRow> rows, long startUnixNano, long durationNanos, IReadOnlyList<string> services)
    {
        Rows = rows;
        StartUnixNano = startUnixNano;
        DurationNanos = durationNanos;
        Services = services;
    }

    public IReadOnlyList<WaterfallRow> Rows { get; }

    public long StartUnixNano { get; }

    /// <summary>From the earliest start to the latest end of any span.</summary>
    public long DurationNanos { get; }

    public double DurationMs => DurationNanos / 1e6;

    /// <summary>The services in the order they first appear in <see cref="Rows"/>.</summary>
    public IReadOnlyList<string> Services { get; }

    public static TraceWaterfall Build(IReadOnlyList<SpanView> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var times = spans.Select(s => (Start: Nanos(s.StartTimeUnixNano), End: Nanos(s.EndTimeUnixNano))).Select(t => (t.Start, End: Math.Max(t.Start, t.End))).ToArray();
        if (spans.Count == 0)
        {
            return new TraceWaterfall([], 0, 0, []);
        }

        var start = times.Min(t => t.Start);
        var duration = times.Max(t => t.End) - start;
        var order = Enumerable.Range(0, spans.Count)
            .OrderBy(i => times[i].Start).ThenBy(i => spans[i].Name, StringComparer.Ordinal).ThenBy(i => i).ToArray();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in order)
        {
            byId.TryAdd(spans[i].SpanId, i);
        }

        // Children lists filled in start order, so each list is ordered by start.
        var children = new List<int>?[spans.Count];
        var roots = new List<int>();
        foreach (var i in order)
        {
            if (spans[i].ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent) && parent != i)
            {
                (children[parent] ??= []).Add(i);
            }
            else
            {
                roots.Add(i);
            }
        }

        var rows = new List<WaterfallRow>(spans.Count);
        var services = new List<string>();
        var visited = new bool[spans.Count];
        var stack = new Stack<(int Span, int Depth)>();

        // Roots first; what is left after them hangs off a loop, entered at its earliest span.
        foreach (var root in roots.Concat(order))
        {
            if (visited[root])
            {
                continue;
            }

            stack.Push((root, 0));
            while (stack.TryPop(out var next))
            {
                var (i, depth) = next;
                if (visited[i])
                {
                    continue;
                }

                visited[i] = true;
                var service = services.IndexOf(spans[i].Service);
                if (service < 0)
                {
                    service = services.Count;
                    services.Add(spans[i].Service);
                }

                var offset = duration == 0 ? 0 : (double)(times[i].Start - start) / duration;
                var width = duration == 0 ? 1 : (double)(times[i].End - times[i].Start) / duration;
                rows.Add(new WaterfallRow(spans[i], depth, offset, Math.Min(width, 1 - offset), (times[i].Start - start) / 1e6, service, depth == 0 && spans[i].ParentSpanId is not null));
                for (var c = (children[i]?.Count ?? 0) - 1; c >= 0; c--)
                {
                    stack.Push((children[i]![c], depth + 1));
                }
            }
        }

        return new TraceWaterfall(rows, start, duration, services);
    }

    /// <summary>How long after the trace's start a time (unix nanoseconds as text, as spans and events carry it) is, in milliseconds.</summary>
    public double OffsetMs(string unixNano) => (Nanos(unixNano) - StartUnixNano) / 1e6;

    private static long Nanos(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
