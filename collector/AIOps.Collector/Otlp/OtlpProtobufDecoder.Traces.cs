using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp;

public sealed partial class OtlpProtobufDecoder
{
    /// <summary>Decodes an ExportTraceServiceRequest. Spans without a valid trace or span id are rejected.</summary>
    public DecodeResult<TraceBatch> DecodeTraces(ReadOnlySpan<byte> body)
    {
        var spans = new List<SpanData>();
        var rejected = 0;
        string? reason = null;
        var reader = new ProtoReader(body);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1)
            {
                reader.Skip(wire);
                continue;
            }

            ProtoReader.Expect(wire, 2, "resource_spans");
            var resourceSpansBytes = reader.ReadBytes();
            var resourceSpans = new ProtoReader(resourceSpansBytes);
            var resource = TelemetryResource.None;
            var scopes = new List<(int Offset, int Length)>();
            while (resourceSpans.Next(out var rsField, out var rsWire))
            {
                switch (rsField)
                {
                    case 1 when rsWire == 2:
                        resource = ReadResource(resourceSpans.ReadBytes());
                        break;
                    case 2 when rsWire == 2:
                        // Resource may come after the scopes on the wire: decode scopes once it is known.
                        var scopeBytes = resourceSpans.ReadBytes();
                        scopes.Add((Offset(resourceSpansBytes, scopeBytes), scopeBytes.Length));
                        break;
                    default:
                        resourceSpans.Skip(rsWire);
                        break;
                }
            }

            foreach (var (offset, length) in scopes)
            {
                ReadScopeSpans(resourceSpansBytes.Slice(offset, length), resource, spans, ref rejected, ref reason);
            }
        }

        return new DecodeResult<TraceBatch>(new TraceBatch(spans), rejected, reason);
    }

    private void ReadScopeSpans(ReadOnlySpan<byte> data, TelemetryResource resource, List<SpanData> spans, ref int rejected, ref string? reason)
    {
        var scope = InstrumentationScope.None;
        var reader = new ProtoReader(data);
        var pending = new List<(int Start, int Length)>();
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    scope = ReadScope(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    var span = reader.ReadBytes();
                    pending.Add((Offset(data, span), span.Length));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        foreach (var (offset, length) in pending)
        {
            var span = ReadSpan(data.Slice(offset, length), resource, scope);
            if (span is null)
            {
                rejected++;
                reason ??= "span with an invalid trace_id or span_id (must be 16 and 8 non-zero bytes)";
            }
            else
            {
                spans.Add(span);
            }
        }
    }

    private SpanData? ReadSpan(ReadOnlySpan<byte> data, TelemetryResource resource, InstrumentationScope scope)
    {
        TraceId traceId = default;
        SpanId spanId = default;
        SpanId parent = default;
        string? traceState = null;
        var name = string.Empty;
        var kind = SpanKind.Unspecified;
        long start = 0, end = 0;
        var status = SpanStatus.Unset;
        string? statusMessage = null;
        uint flags = 0;
        List<KeyValue>? attributes = null;
        List<SpanEvent>? events = null;
        List<SpanLink>? links = null;
        var validIds = true;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    var traceBytes = reader.ReadBytes();
                    validIds &= traceBytes.Length == 16;
                    traceId = TraceId.FromBytes(traceBytes);
                    break;
                case (2, 2):
                    var spanBytes = reader.ReadBytes();
                    validIds &= spanBytes.Length == 8;
                    spanId = SpanId.FromBytes(spanBytes);
                    break;
                case (3, 2):
                    traceState = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (4, 2):
                    var parentBytes = reader.ReadBytes();
                    validIds &= parentBytes.Length is 0 or 8;
                    parent = SpanId.FromBytes(parentBytes);
                    break;
                case (5, 2):
                    name = _strings.Get(reader.ReadBytes());
                    break;
                case (6, 0):
                    kind = (SpanKind)Math.Min(reader.ReadVarint(), 5);
                    break;
                case (7, 1):
                    start = (long)reader.ReadFixed64();
                    break;
                case (8, 1):
                    end = (long)reader.ReadFixed64();
                    break;
                case (9, 2):
                    (attributes ??= []).Add(ReadKeyValue(reader.ReadBytes()));
                    break;
                case (11, 2):
                    (events ??= []).Add(ReadEvent(reader.ReadBytes()));
                    break;
                case (13, 2):
                    (links ??= []).Add(ReadLink(reader.ReadBytes()));
                    break;
                case (15, 2):
                    (status, statusMessage) = ReadStatus(reader.ReadBytes());
                    break;
                case (16, 5):
                    flags = reader.ReadFixed32();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (!validIds || traceId.IsEmpty || spanId.IsEmpty)
        {
            return null;
        }

        return new SpanData
        {
            Resource = resource,
            Scope = scope,
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = parent,
            TraceState = traceState,
            Name = name,
            Kind = kind,
            StartUnixNano = start,
            EndUnixNano = end,
            Status = status,
            StatusMessage = statusMessage,
            Flags = flags,
            Attributes = attributes ?? (IReadOnlyList<KeyValue>)[],
            Events = events ?? (IReadOnlyList<SpanEvent>)[],
            Links = links ?? (IReadOnlyList<SpanLink>)[],
        };
    }

    private SpanEvent ReadEvent(ReadOnlySpan<byte> data)
    {
        long time = 0;
        var name = string.Empty;
        List<KeyValue>? attributes = null;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (2, 2):
                    name = _strings.Get(reader.ReadBytes());
                    break;
                case (3, 2):
                    (attributes ??= []).Add(ReadKeyValue(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new SpanEvent(time, name, attributes ?? (IReadOnlyList<KeyValue>)[]);
    }

    private SpanLink ReadLink(ReadOnlySpan<byte> data)
    {
        TraceId traceId = default;
        SpanId spanId = default;
        string? traceState = null;
        List<KeyValue>? attributes = null;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    traceId = TraceId.FromBytes(reader.ReadBytes());
                    break;
                case (2, 2):
                    spanId = SpanId.FromBytes(reader.ReadBytes());
                    break;
                case (3, 2):
                    traceState = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (4, 2):
                    (attributes ??= []).Add(ReadKeyValue(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new SpanLink(traceId, spanId, traceState, attributes ?? (IReadOnlyList<KeyValue>)[]);
    }

    private (SpanStatus Code, string? Message) ReadStatus(ReadOnlySpan<byte> data)
    {
        var code = SpanStatus.Unset;
        string? message = null;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (2, 2):
                    message = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (3, 0):
                    code = (SpanStatus)Math.Min(reader.ReadVarint(), 2);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (code, message);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Where <paramref name="inner"/> starts within <paramref name="outer"/> (it is a slice of it).</summary>
    private static int Offset(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner) =>
        (int)System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(outer),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(inner));
}
