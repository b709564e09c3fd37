using System.Buffers.Binary;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// OTLP trace export requests shaped like the travel platform's: one service's batch of 512 spans (a
/// server span per request and its client and internal children, with the attributes ASP.NET Core and
/// HttpClient set). Built once per service; every send gets fresh trace and span ids written in place.
/// </summary>
internal sealed class SpanPayloads
{
    private static readonly string[] s_services = ["gateway", "user", "hotel", "flight", "order", "payment", "promotion", "notification"];
    private static readonly string[] s_routes = ["/api/hotels", "/api/flights", "/api/quotes", "/api/bookings", "/api/bookings/{id}", "/hotels", "/holds", "/payments"];
    private readonly List<(byte[] Body, List<int> TraceIdAt, List<int> SpanIdAt)> _templates = [];
    private long _sequence;

    public SpanPayloads(int spansPerBatch)
    {
        SpansPerBatch = spansPerBatch;
        foreach (var service in s_services)
        {
            _templates.Add(Build(service, spansPerBatch));
        }
    }

    public int SpansPerBatch { get; }

    /// <summary>A fresh request body (unique ids, current times are not needed: spans carry fixed offsets from now at build).</summary>
    public byte[] Next()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var (template, traceIds, spanIds) = _templates[(int)(sequence % _templates.Count)];
        var body = (byte[])template.Clone();
        var traceBase = (ulong)sequence << 20;
        for (var i = 0; i < traceIds.Count; i++)
        {
            // Eight spans per trace, as a request crossing the platform has.
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(traceIds[i]), (ulong)sequence);
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(traceIds[i] + 8), traceBase + (ulong)(i / 8));
        }

        for (var i = 0; i < spanIds.Count; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(spanIds[i]), traceBase + (ulong)i + 1);
        }

        return body;
    }

    private static (byte[], List<int>, List<int>) Build(string service, int spans)
    {
        var resource = new ProtoBuffer()
            .Attribute(1, "service.name", service).Attribute(1, "service.namespace", "travel").Attribute(1, "service.instance.id", service + "-1")
            .Attribute(1, "service.version", "1.0.0").Attribute(1, "deployment.environment", "bench").Attribute(1, "host.name", "vm")
            .Attribute(1, "telemetry.sdk.name", "opentelemetry").Attribute(1, "telemetry.sdk.language", "dotnet").Attribute(1, "telemetry.sdk.version", "1.20.1");
        var scopeSpans = new ProtoBuffer().Message(1, new ProtoBuffer().String(1, "Microsoft.AspNetCore"));
        var traceIdAt = new List<int>();
        var spanIdAt = new List<int>();
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var spanList = new List<ProtoBuffer>();
        for (var i = 0; i < spans; i++)
        {
            var route = s_routes[i % s_routes.Length];
            var server = i % 4 == 0;
            var span = new ProtoBuffer();
            span.Bytes(1, new byte[16]);
            span.Bytes(2, new byte[8]);
            if (!server)
            {
                span.Bytes(4, [0, 0, 0, 0, 0, 0, 0, (byte)(i % 250 + 1)]);
            }

            span.String(5, server ? "GET " + route : "GET")
                .Varint(6, server ? 2UL : 3UL)
                .Fixed64(7, start + ((ulong)i * 1_000_000))
                .Fixed64(8, start + ((ulong)i * 1_000_000) + 2_500_000 + ((ulong)i % 7 * 300_000))
                .Attribute(9, "http.request.method", "GET")
                .Attribute(9, "http.response.status_code", i % 50 == 0 ? 500 : 200);
            if (server)
            {
                span.Attribute(9, "http.route", route).Attribute(9, "url.path", route).Attribute(9, "url.scheme", "http")
                    .Attribute(9, "network.protocol.version", "1.1").Attribute(9, "server.address", "127.0.0.1");
            }
            else
            {
                span.Attribute(9, "server.address", "127.0.0.1").Attribute(9, "server.port", 40000 + (i % 100))
                    .Attribute(9, "url.full", "http://127.0.0.1:40123" + route).Attribute(9, "network.protocol.version", "1.1");
            }

            if (i % 50 == 0)
            {
                span.Message(15, new ProtoBuffer().String(2, "Internal Server Error").Varint(3, 2));
            }

            spanList.Add(span);
        }

        // Lay the request out, remembering where each span's ids land.
        var spansPayload = new List<byte>();
        var offsets = new List<(int Trace, int Span)>();
        foreach (var span in spanList)
        {
            var header = Header(2, span.Length);
            offsets.Add((spansPayload.Count + header.Length + 2, spansPayload.Count + header.Length + 2 + 16 + 2));
            spansPayload.AddRange(header);
            spansPayload.AddRange(span.Span.ToArray());
        }

        var scope = scopeSpans.ToArray().Concat(spansPayload).ToArray();
        var resourceField = new ProtoBuffer().Message(1, resource).ToArray();
        var scopeHeader = Header(2, scope.Length);
        var resourceSpans = resourceField.Concat(scopeHeader).Concat(scope).ToArray();
        var requestHeader = Header(1, resourceSpans.Length);
        var body = requestHeader.Concat(resourceSpans).ToArray();
        var spansStart = requestHeader.Length + resourceField.Length + scopeHeader.Length + scopeSpans.Length;
        foreach (var (trace, span) in offsets)
        {
            traceIdAt.Add(spansStart + trace);
            spanIdAt.Add(spansStart + span);
        }

        return (body, traceIdAt, spanIdAt);
    }

    private static byte[] Header(int field, int length)
    {
        var bytes = new List<byte> { (byte)((field << 3) | 2) };
        while (length >= 0x80)
        {
            bytes.Add((byte)(length | 0x80));
            length >>= 7;
        }

        bytes.Add((byte)length);
        return [.. bytes];
    }
}
