using AIOps.Collector.Model;

namespace AIOps.Collector.Aggregation;

/// <summary>
/// RED per service and operation and the service dependency graph, in 10-second windows, kept as spans
/// are stored so that nobody scans raw spans for them. Entry spans (server, consumer, roots) count for
/// their service's RED; an entry span whose parent is a client or producer span of another service is a
/// call on the edge caller -> callee. Parents and children may arrive in either order, in different
/// batches: children wait a minute for their parent.
/// Windows stay here for an hour; once a window is final (30 s after its end) it is handed out to be
/// persisted, and again whenever late spans change it. Fed by one thread; read by any.
/// </summary>
public sealed class LiveAggregates
{
    public static readonly long WindowNanos = TimeSpan.FromSeconds(10).Ticks * 100;
    public static readonly long CloseDelayNanos = TimeSpan.FromSeconds(30).Ticks * 100;
    public static readonly long HorizonNanos = TimeSpan.FromHours(1).Ticks * 100;
    private static readonly long s_parentWaitNanos = TimeSpan.FromMinutes(1).Ticks * 100;
    private const int MaxCallers = 500_000;

    private readonly Dictionary<(long Window, string Service, string Operation), RedWindow> _red = [];
    private readonly Dictionary<(long Window, string Caller, string Callee), EdgeWindow> _edges = [];
    private readonly HashSet<(long, string, string)> _dirtyRed = [];
    private readonly HashSet<(long, string, string)> _dirtyEdges = [];
    private readonly Dictionary<ulong, string> _callers = [];
    private readonly Queue<(ulong SpanId, long SeenAt)> _callerOrder = new();
    private readonly Dictionary<ulong, List<PendingChild>> _pending = [];
    private readonly Queue<(ulong ParentId, long SeenAt)> _pendingOrder = new();
    private readonly Lock _gate = new();
    private long _finalUpTo;
    private long _memoryStart = long.MinValue;

    /// <summary>Windows starting before this were handed out as final.</summary>
    public long FinalUpTo
    {
        get
        {
            lock (_gate)
            {
                return _finalUpTo;
            }
        }
    }

    public static long WindowOf(long unixNano) => unixNano - (((unixNano % WindowNanos) + WindowNanos) % WindowNanos);

    /// <summary>After a restart: windows before <paramref name="windowStart"/> are already persisted (and only there).</summary>
    public void ResumeAfter(long windowStart)
    {
        lock (_gate)
        {
            _finalUpTo = Math.Max(_finalUpTo, windowStart);
            _memoryStart = Math.Max(_memoryStart, windowStart);
        }
    }

    /// <summary>The earliest window memory can hold after a restart; older ones are read from the partitions.</summary>
    public long MemoryStart
    {
        get
        {
            lock (_gate)
            {
                return _memoryStart;
            }
        }
    }

    public void Add(IReadOnlyList<SpanData> spans, long nowNanos)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (span.Kind is SpanKind.Client or SpanKind.Producer)
                {
                    RememberCaller(span, nowNanos);
                }
            }

            foreach (var span in spans)
            {
                if (!span.IsEntry)
                {
                    continue;
                }

                var window = WindowOf(span.StartUnixNano);
                if (window < nowNanos - HorizonNanos)
                {
                    continue;
                }

                var key = (window, span.Resource.Service, span.Name);
                if (!_red.TryGetValue(key, out var red))
                {
                    red = new RedWindow(window, span.Resource.Service, span.Name);
                    _red[key] = red;
                }

                red.Record(span.DurationNanos, span.IsError);
                _dirtyRed.Add(key);
                if (!span.ParentSpanId.IsEmpty)
                {
                    var child = new PendingChild(span.Resource.Service, window, span.DurationNanos, span.IsError);
                    if (_callers.TryGetValue(span.ParentSpanId.Value, out var caller))
                    {
                        RecordEdge(caller, child);
                    }
                    else
                    {
                        Wait(span.ParentSpanId.Value, child, nowNanos);
                    }
                }
            }

            Expire(nowNanos);
        }
    }

    /// <summary>Windows that became final, or changed after they did, since the last call.</summary>
    public (IReadOnlyList<RedWindow> Red, IReadOnlyList<EdgeWindow> Edges) TakeFinal(long nowNanos)
    {
        lock (_gate)
        {
            var finalBefore = WindowOf(nowNanos - CloseDelayNanos) - WindowNanos;
            _finalUpTo = Math.Max(_finalUpTo, finalBefore + WindowNanos);
            var red = _dirtyRed.Where(k => k.Item1 < _finalUpTo).ToList();
            var edges = _dirtyEdges.Where(k => k.Item1 < _finalUpTo).ToList();
            foreach (var key in red)
            {
                _dirtyRed.Remove(key);
            }

            foreach (var key in edges)
            {
                _dirtyEdges.Remove(key);
            }

            return ([.. red.Select(k => _red[k])], [.. edges.Select(k => _edges[k])]);
        }
    }

    /// <summary>The windows held in memory that overlap [from, to).</summary>
    public IReadOnlyList<RedWindow> Red(long fromNanos, long toNanos, string? service = null, string? operation = null)
    {
        lock (_gate)
        {
            return [.. _red.Values.Where(w => w.WindowStartUnixNano + WindowNanos > fromNanos && w.WindowStartUnixNano < toNanos
                && (service is null || w.Service == service) && (operation is null || w.Operation == operation))
                .Select(Copy)];
        }
    }

    public IReadOnlyList<EdgeWindow> Edges(long fromNanos, long toNanos)
    {
        lock (_gate)
        {
            return [.. _edges.Values.Where(w => w.WindowStartUnixNano + WindowNanos > fromNanos && w.WindowStartUnixNano < toNanos).Select(Copy)];
        }
    }

    /// <summary>The earliest window start that is still held in memory.</summary>
    public static long MemoryFloor(long nowNanos) => WindowOf(nowNanos - HorizonNanos) + WindowNanos;

    private void RememberCaller(SpanData span, long nowNanos)
    {
        _callers[span.SpanId.Value] = span.Resource.Service;
        _callerOrder.Enqueue((span.SpanId.Value, nowNanos));
        if (_pending.Remove(span.SpanId.Value, out var children))
        {
            foreach (var child in children)
            {
                RecordEdge(span.Resource.Service, child);
            }
        }
    }

    private void Wait(ulong parent, PendingChild child, long nowNanos)
    {
        if (!_pending.TryGetValue(parent, out var children))
        {
            children = [];
            _pending[parent] = children;
            _pendingOrder.Enqueue((parent, nowNanos));
        }

        children.Add(child);
    }

    private void RecordEdge(string caller, PendingChild child)
    {
        if (caller == child.Service)
        {
            return;
        }

        var key = (child.Window, caller, child.Service);
        if (!_edges.TryGetValue(key, out var edge))
        {
            edge = new EdgeWindow(child.Window, caller, child.Service);
            _edges[key] = edge;
        }

        edge.Record(child.DurationNanos, child.Error);
        _dirtyEdges.Add(key);
    }

    private void Expire(long nowNanos)
    {
        while (_callerOrder.Count > 0 && (_callerOrder.Peek().SeenAt < nowNanos - s_parentWaitNanos || _callerOrder.Count > MaxCallers))
        {
            _callers.Remove(_callerOrder.Dequeue().SpanId);
        }

        while (_pendingOrder.Count > 0 && _pendingOrder.Peek().SeenAt < nowNanos - s_parentWaitNanos)
        {
            _pending.Remove(_pendingOrder.Dequeue().ParentId);
        }

        var floor = nowNanos - HorizonNanos;
        if (_red.Count > 0 && _red.Keys.Min(k => k.Window) < floor - WindowNanos)
        {
            foreach (var key in _red.Keys.Where(k => k.Window < floor).ToList())
            {
                _red.Remove(key);
                _dirtyRed.Remove(key);
            }

            foreach (var key in _edges.Keys.Where(k => k.Window < floor).ToList())
            {
                _edges.Remove(key);
                _dirtyEdges.Remove(key);
            }
        }
    }

    private static RedWindow Copy(RedWindow w)
    {
        var copy = new RedWindow(w.WindowStartUnixNano, w.Service, w.Operation);
        copy.Add(w);
        return copy;
    }

    private static EdgeWindow Copy(EdgeWindow w)
    {
        var copy = new EdgeWindow(w.WindowStartUnixNano, w.Caller, w.Callee);
        copy.Add(w);
        return copy;
    }

    private sealed record PendingChild(string Service, long Window, long DurationNanos, bool Error);
}
