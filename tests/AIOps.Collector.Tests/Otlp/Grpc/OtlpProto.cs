using System.Text;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>Hand-built OTLP protobuf for the raw gRPC tests (field numbers from opentelemetry-proto v1).</summary>
public static class OtlpProto
{
    /// <summary>A Span with trace_id (1), span_id (2) and name (5).</summary>
    public static byte[] Span(byte[] traceId, byte[] spanId, string name) =>
        [.. Field(1, traceId), .. Field(2, spanId), .. Field(5, Encoding.UTF8.GetBytes(name))];

    /// <summary>An ExportTraceServiceRequest: one resource_spans (1) with one scope_spans (2) holding the spans (2).</summary>
    public static byte[] TraceRequest(params byte[][] spans) =>
        Field(1, Field(2, [.. spans.SelectMany(span => Field(2, span))]));

    /// <summary>The partial_success (1) of an Export*ServiceResponse: the rejected count (1) and error_message (2).</summary>
    public static (long Rejected, string? Message) PartialSuccess(byte[] response)
    {
        var position = 0;
        long rejected = 0;
        string? message = null;
        while (position < response.Length)
        {
            var key = Varint(response, ref position);
            var length = (int)Varint(response, ref position);
            var value = response.AsSpan(position, length);
            position += length;
            if (key != (1 << 3 | 2))
            {
                continue;
            }

            var inner = value.ToArray();
            var at = 0;
            while (at < inner.Length)
            {
                var field = Varint(inner, ref at);
                if (field == (1 << 3))
                {
                    rejected = (long)Varint(inner, ref at);
                }
                else
                {
                    var size = (int)Varint(inner, ref at);
                    message = Encoding.UTF8.GetString(inner, at, size);
                    at += size;
                }
            }
        }

        return (rejected, message);
    }

    private static byte[] Field(int number, byte[] value) => [.. VarintBytes((ulong)(number << 3 | 2)), .. VarintBytes((ulong)value.Length), .. value];

    private static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static ulong Varint(byte[] data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
