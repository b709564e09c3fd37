namespace AIOps.Analyzer.RootCause;

/// <summary>
/// The spans of one window indexed for ranking: services and operations numbered (<see cref="SpanNames"/>), spans
/// grouped by trace, each one's parent and children resolved (when they are in the window too), and each one's self
/// time: its duration less the union of its children's intervals clipped to its own (parallel calls count once).
/// </summary>
internal sealed class SpanTree
{
    private readonly int[] _childStart;
    private readonly int[] _children;

    public SpanTree(IReadOnlyCollection<RcaSpan> spans, SpanNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        Names = names ?? new SpanNames();
        Spans = spans as IReadOnlyList<RcaSpan> ?? [.. spans];
        var n = Spans.Count;
        Service = new int[n];
        Operation = new int[n];
        Trace = new int[n];
        Parent = new int[n];
        var traces = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var span = Spans[i];
            Service[i] = Names.Service(span.Service);
            Operation[i] = Names.Operation(Service[i], span.Operation);
            if (!traces.TryGetValue(span.TraceId, out var t))
            {
                traces[span.TraceId] = t = traces.Count;
            }

            Trace[i] = t;
        }

        TraceCount = traces.Count;
        (TraceStart, ByTrace) = GroupByTrace(Trace, TraceCount);
        ResolveParents();
        (_childStart, _children) = ChildLists(Parent);
        SelfNanos = SelfTimes();
    }

    public SpanNames Names { get; }

    /// <summary>The spans, in the order given.</summary>
    public IReadOnlyList<RcaSpan> Spans { get; }

    /// <summary>Each span's service number.</summary>
    public int[] Service { get; }

    /// <summary>Each span's operation number.</summary>
    public int[] Operation { get; }

    /// <summary>Each span's trace number.</summary>
    public int[] Trace { get; }

    /// <summary>The index of each span's parent in <see cref="Spans"/>, or -1 when it has none in the window.</summary>
    public int[] Parent { get; }

    /// <summary>Each span's self time, in nanoseconds.</summary>
    public long[] SelfNanos { get; }

    public int TraceCount { get; }

    /// <summary>Where each trace's spans begin in <see cref="ByTrace"/> (one more entry than traces).</summary>
    public int[] TraceStart { get; }

    /// <summary>Span indexes grouped by trace.</summary>
    public int[] ByTrace { get; }

    /// <summary>The children of span <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Children(int i) => _children.AsSpan(_childStart[i], _childStart[i + 1] - _childStart[i]);

    /// <summary>Whether span <paramref name="i"/> was called from another service: its parent ran elsewhere.</summary>
    public bool CalledAcross(int i) => Parent[i] >= 0 && Service[Parent[i]] != Service[i];

    /// <summary>The (service, operation) pairs that call another service directly: client spans, whose own time is the network's.</summary>
    public HashSet<(string Service, string Operation)> CallingAcross()
    {
        var result = new HashSet<(string, string)>();
        foreach (var op in CallingAcrossOperations())
        {
            result.Add((Names.ServiceName(Names.ServiceOf(op)), Names.OperationName(op)));
        }

        return result;
    }

    /// <summary>
    /// Who calls whom, as (caller, callee) service numbers: a span of one the parent of a span of the other, or a client
    /// span naming its peer (which may be numbered here for the first time, when no span of it was seen).
    /// </summary>
    public HashSet<(int Caller, int Callee)> ServiceCalls()
    {
        var result = new HashSet<(int, int)>();
        for (var i = 0; i < Spans.Count; i++)
        {
            if (CalledAcross(i))
            {
                result.Add((Service[Parent[i]], Service[i]));
            }

            if (Spans[i].Peer is { } peer && Names.Service(peer) is var callee && callee != Service[i])
            {
                result.Add((Service[i], callee));
            }
        }

        return result;
    }

    /// <summary>The operation numbers of <see cref="CallingAcross"/>.</summary>
    public HashSet<int> CallingAcrossOperations()
    {
        var result = new HashSet<int>();
        for (var i = 0; i < Spans.Count; i++)
        {
            if (CalledAcross(i))
            {
                result.Add(Operation[Parent[i]]);
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="incident"/> numbered like <paramref name="baseline"/>: itself when they already share names,
    /// otherwise rebuilt on the baseline's.
    /// </summary>
    public static SpanTree Align(SpanTree baseline, SpanTree incident)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(incident);
        return ReferenceEquals(baseline.Names, incident.Names) ? incident : new SpanTree(incident.Spans, baseline.Names);
    }

    private static (int[] Start, int[] Order) GroupByTrace(int[] trace, int traces)
    {
        var start = new int[traces + 1];
        foreach (var t in trace)
        {
            start[t + 1]++;
        }

        for (var t = 0; t < traces; t++)
        {
            start[t + 1] += start[t];
        }

        var fill = start[..^1].ToArray();
        var order = new int[trace.Length];
        for (var i = 0; i < trace.Length; i++)
        {
            order[fill[trace[i]]++] = i;
        }

        return (start, order);
    }

    private void ResolveParents()
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < TraceCount; t++)
        {
            ids.Clear();
            for (var k = TraceStart[t]; k < TraceStart[t + 1]; k++)
            {
                ids.TryAdd(Spans[ByTrace[k]].SpanId, ByTrace[k]);
            }

            for (var k = TraceStart[t]; k < TraceStart[t + 1]; k++)
            {
                var i = ByTrace[k];
                Parent[i] = Spans[i].ParentId is { } parent && ids.TryGetValue(parent, out var p) && p != i ? p : -1;
            }
        }
    }

    private static (int[] Start, int[] Children) ChildLists(int[] parent)
    {
        var start = new int[parent.Length + 1];
        foreach (var p in parent)
        {
            if (p >= 0)
            {
                start[p + 1]++;
            }
        }

        for (var i = 0; i < parent.Length; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = start[..^1].ToArray();
        var children = new int[start[^1]];
        for (var i = 0; i < parent.Length; i++)
        {
            if (parent[i] >= 0)
            {
                children[fill[parent[i]]++] = i;
            }
        }

        return (start, children);
    }

    private long[] SelfTimes()
    {
        var self = new long[Spans.Count];
        var starts = new long[16];
        var ends = new long[16];
        for (var i = 0; i < Spans.Count; i++)
        {
            var span = Spans[i];
            var children = Children(i);
            if (children.Length == 0)
            {
                self[i] = span.DurationNanos;
                continue;
            }

            if (children.Length > starts.Length)
            {
                starts = new long[children.Length * 2];
                ends = new long[children.Length * 2];
            }

            var count = 0;
            foreach (var c in children)
            {
                var start = Math.Max(Spans[c].StartNanos, span.StartNanos);
                var end = Math.Min(Spans[c].EndNanos, span.EndNanos);
                if (end > start)
                {
                    starts[count] = start;
                    ends[count++] = end;
                }
            }

            Array.Sort(starts, ends, 0, count);
            long covered = 0;
            var reach = long.MinValue;
            for (var k = 0; k < count; k++)
            {
                if (ends[k] <= reach)
                {
                    continue;
                }

                covered += ends[k] - Math.Max(starts[k], reach);
                reach = ends[k];
            }

            self[i] = span.DurationNanos - covered;
        }

        return self;
    }
}
