namespace AIOps.Analyzer.RootCause;

/// <summary>
/// The spans of one window with each one's parent resolved (when the parent is in the window too), so that callers
/// and callees, and the calls that cross from one service to another, can be walked without lookups by id.
/// </summary>
internal sealed class SpanTree
{
    public SpanTree(IReadOnlyCollection<RcaSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        Spans = spans as IReadOnlyList<RcaSpan> ?? [.. spans];
        var index = new Dictionary<(string, string), int>(Spans.Count);
        for (var i = 0; i < Spans.Count; i++)
        {
            index.TryAdd((Spans[i].TraceId, Spans[i].SpanId), i);
        }

        Parent = new int[Spans.Count];
        for (var i = 0; i < Spans.Count; i++)
        {
            Parent[i] = Spans[i].ParentId is { } parent && index.TryGetValue((Spans[i].TraceId, parent), out var p) ? p : -1;
        }
    }

    /// <summary>The spans, in the order given.</summary>
    public IReadOnlyList<RcaSpan> Spans { get; }

    /// <summary>The index of each span's parent in <see cref="Spans"/>, or -1 when it has none in the window.</summary>
    public int[] Parent { get; }

    /// <summary>Whether span <paramref name="i"/> was called from another service: its parent ran elsewhere.</summary>
    public bool CalledAcross(int i) => Parent[i] >= 0 && !string.Equals(Spans[Parent[i]].Service, Spans[i].Service, StringComparison.Ordinal);

    /// <summary>The (service, operation) pairs that call another service directly: client spans, whose own time is the network's.</summary>
    public HashSet<(string Service, string Operation)> CallingAcross()
    {
        var result = new HashSet<(string, string)>();
        for (var i = 0; i < Spans.Count; i++)
        {
            if (CalledAcross(i))
            {
                var parent = Spans[Parent[i]];
                result.Add((parent.Service, parent.Operation));
            }
        }

        return result;
    }
}
