using AIOps.Collector.Model;

namespace AIOps.Collector.Storage.Blocks;

/// <summary>
/// Spans of one write as one compressed block: a table of resources and scopes, then every span with
/// ids in full, times as deltas from the block's earliest start, and strings through the block's table.
/// </summary>
internal static class SpanBlockCodec
{
    private const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<SpanData> spans)
    {
        var writer = new BlockWriter();
        writer.Byte(Version);
        var table = new ResourceScopeTable();
        var baseStart = long.MaxValue;
        foreach (var span in spans)
        {
            table.Add(span.Resource, span.Scope);
            baseStart = Math.Min(baseStart, span.StartUnixNano);
        }

        table.Write(writer);
        writer.Fixed64((ulong)baseStart);
        writer.Varint((ulong)spans.Count);
        foreach (var span in spans)
        {
            table.WriteIndexes(writer, span.Resource, span.Scope);
            writer.Fixed64(span.TraceId.High);
            writer.Fixed64(span.TraceId.Low);
            writer.Fixed64(span.SpanId.Value);
            writer.Fixed64(span.ParentSpanId.Value);
            writer.String(span.TraceState);
            writer.String(span.Name);
            writer.Byte((byte)span.Kind);
            writer.Varint((ulong)(span.StartUnixNano - baseStart));
            writer.Signed(span.EndUnixNano - span.StartUnixNano);
            writer.Byte((byte)span.Status);
            writer.String(span.StatusMessage);
            writer.Varint(span.Flags);
            writer.Attributes(span.Attributes);
            writer.Varint((ulong)span.Events.Count);
            foreach (var e in span.Events)
            {
                writer.Signed(e.TimeUnixNano - span.StartUnixNano);
                writer.String(e.Name);
                writer.Attributes(e.Attributes);
            }

            writer.Varint((ulong)span.Links.Count);
            foreach (var link in span.Links)
            {
                writer.Fixed64(link.TraceId.High);
                writer.Fixed64(link.TraceId.Low);
                writer.Fixed64(link.SpanId.Value);
                writer.String(link.TraceState);
                writer.Attributes(link.Attributes);
            }
        }

        return writer.ToCompressed();
    }

    /// <summary>Decodes a block; <paramref name="filter"/> (when given) keeps only the spans it accepts, given their trace id and start.</summary>
    public static List<SpanData> Decode(ReadOnlySpan<byte> block, Func<TraceId, long, bool>? filter = null)
    {
        var reader = new BlockReader(block);
        if (reader.Byte() != Version)
        {
            throw new StoreException("unknown span block version");
        }

        var (resources, scopes) = ResourceScopeTable.Read(reader);

        var baseStart = (long)reader.Fixed64();
        var count = (int)reader.Varint();
        var spans = new List<SpanData>(filter is null ? count : 4);
        for (var i = 0; i < count; i++)
        {
            var resource = resources[(int)reader.Varint()];
            var scope = scopes[(int)reader.Varint()];
            var traceId = new TraceId(reader.Fixed64(), reader.Fixed64());
            var spanId = new SpanId(reader.Fixed64());
            var parent = new SpanId(reader.Fixed64());
            var traceState = reader.String();
            var name = reader.Text();
            var kind = (SpanKind)reader.Byte();
            var start = baseStart + (long)reader.Varint();
            var end = start + reader.Signed();
            var status = (SpanStatus)reader.Byte();
            var statusMessage = reader.String();
            var flags = (uint)reader.Varint();
            var attributes = reader.Attributes();
            var events = new SpanEvent[(int)reader.Varint()];
            for (var e = 0; e < events.Length; e++)
            {
                events[e] = new SpanEvent(start + reader.Signed(), reader.Text(), reader.Attributes());
            }

            var links = new SpanLink[(int)reader.Varint()];
            for (var l = 0; l < links.Length; l++)
            {
                links[l] = new SpanLink(new TraceId(reader.Fixed64(), reader.Fixed64()), new SpanId(reader.Fixed64()), reader.String(), reader.Attributes());
            }

            if (filter is not null && !filter(traceId, start))
            {
                continue;
            }

            spans.Add(new SpanData
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
                Attributes = attributes,
                Events = events,
                Links = links,
            });
        }

        return spans;
    }
}
