namespace AIOps.Dashboard.Bench;

/// <summary>
/// An hour (or any span of time) of travel-platform traffic as OTLP trace batches: bookings, searches
/// and quotes crossing gateway, order, user, promotion, hotel, flight, payment and notification with
/// parent links, client spans and realistic durations, at the demo's rate, timestamps spread over the
/// span. Each batch holds one service's spans, as each service exports its own.
/// </summary>
internal sealed class TraceHistory(DateTimeOffset from, DateTimeOffset to, double requestsPerSecond, int seed = 11)
{
    private readonly Random _random = new(seed);

    /// <summary>Trace ids of the bookings generated (for look-ups).</summary>
    public List<string> BookingTraceIds { get; } = [];

    /// <summary>Request bodies: traces (at most <paramref name="spansPerBatch"/> spans of one service) and the order service's booking logs.</summary>
    public IEnumerable<(string Signal, byte[] Body)> Batches(int spansPerBatch)
    {
        var pending = new Dictionary<string, List<ProtoBuffer>>(StringComparer.Ordinal);
        var logs = new List<ProtoBuffer>();
        var count = (long)((to - from).TotalSeconds * requestsPerSecond);
        var stepNanos = (long)((to - from).Ticks * 100 / Math.Max(1, count));
        var start = (from - DateTimeOffset.UnixEpoch).Ticks * 100;
        for (long r = 0; r < count; r++)
        {
            var traceId = new byte[16];
            _random.NextBytes(traceId);
            var t = start + (r * stepNanos);
            if (r % 10 < 3)
            {
                BookingTraceIds.Add(Convert.ToHexStringLower(traceId));
                logs.Add(new ProtoBuffer().Fixed64(1, (ulong)t).Varint(2, 9).Message(5, new ProtoBuffer().String(1, $"Booking bk-{r} confirmed for u{r % 5000}"))
                    .Bytes(9, traceId).Attribute(6, "BookingId", $"bk-{r}"));
                if (logs.Count >= spansPerBatch)
                {
                    yield return ("logs", LogRequest(logs));
                    logs.Clear();
                }
            }

            foreach (var (service, span) in Trace(traceId, t, r))
            {
                if (!pending.TryGetValue(service, out var list))
                {
                    list = [];
                    pending[service] = list;
                }

                list.Add(span);
                if (list.Count >= spansPerBatch)
                {
                    yield return ("traces", Request(service, list));
                    list.Clear();
                }
            }
        }

        foreach (var (service, list) in pending.Where(p => p.Value.Count > 0))
        {
            yield return ("traces", Request(service, list));
        }

        if (logs.Count > 0)
        {
            yield return ("logs", LogRequest(logs));
        }
    }

    private static byte[] LogRequest(List<ProtoBuffer> records)
    {
        var scope = new ProtoBuffer().Message(1, new ProtoBuffer().String(1, "AIOps.Travel.Services.Orders.BookingWorkflow"));
        foreach (var record in records)
        {
            scope.Message(2, record);
        }

        var resource = new ProtoBuffer().Attribute(1, "service.name", "order").Attribute(1, "service.instance.id", "order-1");
        return new ProtoBuffer().Message(1, new ProtoBuffer().Message(1, resource).Message(2, scope)).ToArray();
    }

    private IEnumerable<(string Service, ProtoBuffer Span)> Trace(byte[] traceId, long t, long request)
    {
        var kind = request % 10;
        var root = NewId();
        if (kind < 3)
        {
            // Booking: gateway -> order -> user, promotion (-> hotel), hotel hold, payment, queue -> notification.
            var total = Ms(40, 25);
            yield return ("gateway", Span(traceId, root, null, "POST /api/bookings", 2, t, total, "/api/bookings", 201));
            var gwClient = NewId();
            yield return ("gateway", Span(traceId, gwClient, root, "POST", 3, t + Ms(0.3), total - Ms(0.5), null, 201));
            var order = NewId();
            yield return ("order", Span(traceId, order, gwClient, "POST /orders", 2, t + Ms(0.5), total - Ms(1), "/orders", 201));
            var at = t + Ms(1);
            foreach (var (callee, route, ms) in new[] { ("user", "/users/{id}", 1.0), ("promotion", "/quotes", 3.0), ("hotel", "/holds", 4.0), ("payment", "/payments", 25.0), ("hotel", "/holds/{id}/confirm", 3.0) })
            {
                var client = NewId();
                var duration = Ms(ms, ms / 3);
                yield return ("order", Span(traceId, client, order, "POST", 3, at, duration, null, 200));
                yield return (callee, Span(traceId, NewId(), client, (callee == "user" ? "GET " : "POST ") + route, 2, at + Ms(0.2), duration - Ms(0.3), route, 200));
                at += duration;
            }

            var producer = NewId();
            yield return ("order", Span(traceId, producer, order, "notifications publish", 4, at, Ms(0.5), null, 0));
            yield return ("notification", Span(traceId, NewId(), producer, "notifications process", 5, at + Ms(150, 80), Ms(12, 4), null, 0));
        }
        else
        {
            var (route, callee, calleeRoute) = kind < 7 ? ("/api/hotels", "hotel", "/hotels") : kind < 9 ? ("/api/flights", "flight", "/flights") : ("/api/quotes", "promotion", "/quotes");
            var total = Ms(3, 2);
            yield return ("gateway", Span(traceId, root, null, "GET " + route, 2, t, total, route, 200));
            var client = NewId();
            yield return ("gateway", Span(traceId, client, root, "GET", 3, t + Ms(0.2), total - Ms(0.4), null, 200));
            yield return (callee, Span(traceId, NewId(), client, "GET " + calleeRoute, 2, t + Ms(0.4), total - Ms(0.8), calleeRoute, 200));
        }
    }

    private static ProtoBuffer Span(byte[] traceId, byte[] id, byte[]? parent, string name, int kind, long start, long duration, string? route, int status)
    {
        var span = new ProtoBuffer().Bytes(1, traceId).Bytes(2, id);
        if (parent is not null)
        {
            span.Bytes(4, parent);
        }

        span.String(5, name).Varint(6, (ulong)kind).Fixed64(7, (ulong)start).Fixed64(8, (ulong)(start + Math.Max(1000, duration)));
        if (route is not null)
        {
            span.Attribute(9, "http.route", route).Attribute(9, "http.request.method", name.Split(' ')[0]);
        }

        if (status > 0)
        {
            span.Attribute(9, "http.response.status_code", status);
        }

        return span;
    }

    private byte[] NewId()
    {
        var id = new byte[8];
        _random.NextBytes(id);
        id[0] |= 1;
        return id;
    }

    private long Ms(double mean, double spread = 0) => (long)(Math.Max(0.05, mean + ((_random.NextDouble() - 0.5) * 2 * spread)) * 1_000_000);

    private static byte[] Request(string service, List<ProtoBuffer> spans)
    {
        var scope = new ProtoBuffer().Message(1, new ProtoBuffer().String(1, "Microsoft.AspNetCore"));
        foreach (var span in spans)
        {
            scope.Message(2, span);
        }

        var resource = new ProtoBuffer().Attribute(1, "service.name", service).Attribute(1, "service.namespace", "travel")
            .Attribute(1, "service.instance.id", service + "-1").Attribute(1, "deployment.environment", "bench");
        return new ProtoBuffer().Message(1, new ProtoBuffer().Message(1, resource).Message(2, scope)).ToArray();
    }
}
