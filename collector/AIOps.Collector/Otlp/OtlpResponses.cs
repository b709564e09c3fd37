using System.Buffers;
using System.Text;
using AIOps.Collector.Wire;
using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp;

/// <summary>
/// Export*ServiceResponse bodies in protobuf: empty when everything was accepted; otherwise a
/// partial_success (field 1) with the rejected count (field 1) and an error message (field 2), the same
/// shape for traces (rejected_spans), metrics (rejected_data_points) and logs (rejected_log_records).
/// </summary>
public static class OtlpResponses
{
    public static byte[] Protobuf(long rejected, string? message)
    {
        if (rejected == 0 && string.IsNullOrEmpty(message))
        {
            return [];
        }

        var inner = new ArrayBufferWriter<byte>();
        if (rejected != 0)
        {
            Varint.Write(inner, (1 << 3) | 0);
            Varint.Write(inner, (ulong)rejected);
        }

        if (!string.IsNullOrEmpty(message))
        {
            var text = Encoding.UTF8.GetBytes(message);
            Varint.Write(inner, (2 << 3) | 2);
            Varint.Write(inner, (ulong)text.Length);
            inner.Write(text);
        }

        var outer = new ArrayBufferWriter<byte>(inner.WrittenCount + 6);
        Varint.Write(outer, (1 << 3) | 2);
        Varint.Write(outer, (ulong)inner.WrittenCount);
        outer.Write(inner.WrittenSpan);
        return outer.WrittenSpan.ToArray();
    }

    /// <summary>The OTLP/JSON form: {} or {"partialSuccess":{"rejectedSpans":"2","errorMessage":"..."}}.</summary>
    public static object Json(Signal signal, long rejected, string? message)
    {
        if (rejected == 0 && string.IsNullOrEmpty(message))
        {
            return new Dictionary<string, object>();
        }

        var field = signal switch
        {
            Signal.Traces => "rejectedSpans",
            Signal.Metrics => "rejectedDataPoints",
            _ => "rejectedLogRecords",
        };
        return new Dictionary<string, object>
        {
            ["partialSuccess"] = new Dictionary<string, object?>
            {
                [field] = rejected.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["errorMessage"] = message,
            },
        };
    }
}
